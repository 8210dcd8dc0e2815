package dev.billinggate.policy.document;

import java.util.List;

/**
 * A parsed policy document.
 *
 * @param version {@code 2012-10-17}, {@code 2008-10-17}, or {@code null} when absent (which AWS
 *     treats as 2008-10-17)
 * @param id the {@code Id} element or {@code null}
 * @param miscasedEffect some statement spells {@code Allow}/{@code Deny} in another case, which
 *     IAM's legacy parser rejects
 */
public record PolicyDocument(String version, String id, List<Statement> statements, boolean miscasedEffect) {
  public static final String V2012 = "2012-10-17";
  public static final String V2008 = "2008-10-17";

  public PolicyDocument {
    statements = List.copyOf(statements);
  }

  public PolicyDocument(String version, String id, List<Statement> statements) {
    this(version, id, statements, false);
  }

  /** Policy variables ({@code ${...}}) are only recognized in 2012-10-17 documents. */
  public boolean supportsVariables() {
    return V2012.equals(version);
  }
}
