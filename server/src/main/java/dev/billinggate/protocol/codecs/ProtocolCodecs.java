package dev.billinggate.protocol.codecs;

import dev.billinggate.core.ServiceId;
import dev.billinggate.protocol.ProtocolCodec;
import dev.billinggate.protocol.json.JsonCodec;
import dev.billinggate.protocol.query.QueryCodec;
import dev.billinggate.protocol.rest.RestJsonCodec;
import dev.billinggate.protocol.rest.RestXmlCodec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks each service's codec by its protocol. It sits above the codec packages (which extend
 * {@link ProtocolCodec}) so that {@code protocol} itself never depends on them.
 */
public final class ProtocolCodecs {
  private static final Map<ServiceId, ProtocolCodec> CODECS = new ConcurrentHashMap<>();

  private ProtocolCodecs() {}

  /** The codec of {@code service}, created (and its model loaded) on first use. */
  public static ProtocolCodec forService(ServiceId service) {
    return CODECS.computeIfAbsent(service, id -> switch (id.protocol()) {
      case AWS_QUERY -> new QueryCodec(id);
      case AWS_JSON_1_0, AWS_JSON_1_1 -> new JsonCodec(id);
      case REST_JSON_1 -> new RestJsonCodec(id);
      case REST_XML -> new RestXmlCodec(id);
    });
  }
}
