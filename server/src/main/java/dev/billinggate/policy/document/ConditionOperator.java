package dev.billinggate.policy.document;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A condition operator name taken apart: {@code ForAnyValue:StringLikeIfExists} is set qualifier
 * {@code FOR_ANY_VALUE}, base {@code STRING_LIKE}, {@code ifExists}.
 */
public record ConditionOperator(SetQualifier set, Base base, boolean ifExists) {

  public enum SetQualifier {
    NONE,
    FOR_ALL_VALUES,
    FOR_ANY_VALUE
  }

  /** How one request value is compared with one policy value. */
  public enum Family {
    STRING,
    STRING_IGNORE_CASE,
    STRING_LIKE,
    NUMERIC,
    DATE,
    BOOL,
    BINARY,
    IP,
    ARN,
    NULL;

    /** Policy variables are substituted only for String and ARN operators. */
    public boolean allowsVariables() {
      return this == STRING || this == STRING_IGNORE_CASE || this == STRING_LIKE || this == ARN;
    }
  }

  /** For Numeric and Date operators; {@code EQ} for every other family. */
  public enum Comparison {
    EQ,
    LT,
    LE,
    GT,
    GE
  }

  public enum Base {
    STRING_EQUALS("StringEquals", Family.STRING, Comparison.EQ, false),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, Comparison.EQ, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING_IGNORE_CASE, Comparison.EQ, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING_IGNORE_CASE, Comparison.EQ, true),
    STRING_LIKE("StringLike", Family.STRING_LIKE, Comparison.EQ, false),
    STRING_NOT_LIKE("StringNotLike", Family.STRING_LIKE, Comparison.EQ, true),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, Comparison.EQ, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, Comparison.EQ, true),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, Comparison.LT, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, Comparison.LE, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, Comparison.GT, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, Comparison.GE, false),
    DATE_EQUALS("DateEquals", Family.DATE, Comparison.EQ, false),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, Comparison.EQ, true),
    DATE_LESS_THAN("DateLessThan", Family.DATE, Comparison.LT, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, Comparison.LE, false),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, Comparison.GT, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, Comparison.GE, false),
    BOOL("Bool", Family.BOOL, Comparison.EQ, false),
    BINARY_EQUALS("BinaryEquals", Family.BINARY, Comparison.EQ, false),
    IP_ADDRESS("IpAddress", Family.IP, Comparison.EQ, false),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP, Comparison.EQ, true),
    // ArnEquals and ArnLike are the same operator: both honour wildcards per segment.
    ARN_EQUALS("ArnEquals", Family.ARN, Comparison.EQ, false),
    ARN_LIKE("ArnLike", Family.ARN, Comparison.EQ, false),
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, Comparison.EQ, true),
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, Comparison.EQ, true),
    NULL("Null", Family.NULL, Comparison.EQ, false);

    private final String json;
    private final Family family;
    private final Comparison comparison;
    private final boolean negated;

    Base(String json, Family family, Comparison comparison, boolean negated) {
      this.json = json;
      this.family = family;
      this.comparison = comparison;
      this.negated = negated;
    }

    public String json() {
      return json;
    }

    public Family family() {
      return family;
    }

    public Comparison comparison() {
      return comparison;
    }

    /** Negated operators match when no policy value matches, and when the key is missing. */
    public boolean negated() {
      return negated;
    }
  }

  private static final Map<String, Base> BY_NAME = new HashMap<>();

  static {
    for (Base b : Base.values()) {
      BY_NAME.put(b.json, b);
    }
  }

  private static final String FOR_ALL = "ForAllValues:";
  private static final String FOR_ANY = "ForAnyValue:";
  private static final String IF_EXISTS = "IfExists";

  /** The operator, or empty when IAM would not recognize the name (names are case-sensitive). */
  public static Optional<ConditionOperator> parse(String name) {
    SetQualifier set = SetQualifier.NONE;
    String rest = name;
    if (rest.startsWith(FOR_ALL)) {
      set = SetQualifier.FOR_ALL_VALUES;
      rest = rest.substring(FOR_ALL.length());
    } else if (rest.startsWith(FOR_ANY)) {
      set = SetQualifier.FOR_ANY_VALUE;
      rest = rest.substring(FOR_ANY.length());
    }
    boolean ifExists = rest.endsWith(IF_EXISTS);
    if (ifExists) {
      rest = rest.substring(0, rest.length() - IF_EXISTS.length());
    }
    Base base = BY_NAME.get(rest);
    if (base == null || (base == Base.NULL && (ifExists || set != SetQualifier.NONE))) {
      return Optional.empty();
    }
    return Optional.of(new ConditionOperator(set, base, ifExists));
  }
}
