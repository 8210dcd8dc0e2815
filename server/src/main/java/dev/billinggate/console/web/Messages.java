package dev.billinggate.console.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The console's page chrome strings in one language, from {@code console/messages_<lang>.properties}. */
public final class Messages {
  private static final Messages EN = new Messages(Locale.ENGLISH);
  private static final Messages JA = new Messages(Locale.JAPANESE);

  private final Locale locale;
  private final ResourceBundle bundle;

  private Messages(Locale locale) {
    this.locale = locale;
    // Properties bundles are read as UTF-8 since Java 9, so the Japanese file needs no escapes.
    this.bundle = ResourceBundle.getBundle("console.messages", locale, ResourceBundle.Control.getNoFallbackControl(
        ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public static Messages of(String language) {
    return "ja".equals(language) ? JA : EN;
  }

  public String language() {
    return locale.getLanguage();
  }

  /** The string for {@code key}, with {@code {0}}-style arguments filled in. */
  public String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("console message '" + key + "' is missing for " + locale, e);
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
