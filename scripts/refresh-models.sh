#!/usr/bin/env bash
# Copies botocore's service models (Apache-2.0) for the services billing-gate emulates into
# server/src/main/resources/aws-models. They carry constraints, error shapes and HTTP status codes that the
# AWS SDK for Java v2 model classes do not. Usage: scripts/refresh-models.sh [path/to/botocore]
set -euo pipefail
botocore=${1:-$(python3 -c 'import botocore, os; print(os.path.dirname(botocore.__file__))')}
dest=$(cd "$(dirname "$0")/.." && pwd)/server/src/main/resources/aws-models
for service in iam sts organizations ce billing account budgets sqs s3 s3control; do
  version_dir=$(ls -d "$botocore/data/$service"/*/ | sort | tail -n 1)
  mkdir -p "$dest/$service"
  cp "$version_dir/service-2.json.gz" "$dest/$service/service-2.json.gz"
  echo "$service <- $version_dir"
done
python3 -c 'import botocore; print("botocore", botocore.__version__)' > "$dest/VERSION"
