package org.radtrial.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Help that reads as sentences. Commands write their descriptions as source lines; this joins lines
 * that break mid-sentence into one paragraph, which picocli then wraps at the terminal's width, and
 * lists subcommands with the whole first sentence of their description rather than its first line.
 */
final class HelpText {
  /** A first sentence longer than this is listed up to its first clause. */
  private static final int LONG = 150;
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z'\"(])");

  private HelpText() {}

  /** Applies both to {@code cli} and every subcommand below it. */
  static CommandLine install(CommandLine cli) {
    CommandSpec spec = cli.getCommandSpec();
    spec.usageMessage().description(paragraphs(spec.usageMessage().description()).toArray(String[]::new));
    if (!cli.getSubcommands().isEmpty()) {
      cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpText::commandList);
    }
    Set<CommandLine> seen = new LinkedHashSet<>(cli.getSubcommands().values());
    seen.forEach(HelpText::install);
    return cli;
  }

  /**
   * Source lines joined into paragraphs: a line that does not end a sentence (with '.', ':', '!' or
   * '?') continues on the next, unless the next is indented (a table row such as "  OUT  one row per
   * study").
   */
  static List<String> paragraphs(String[] lines) {
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = null;
    for (String line : lines) {
      boolean indented = line.startsWith("  ");
      if (current != null && !indented) {
        current.append(' ').append(line.strip());
      } else {
        if (current != null) {
          paragraphs.add(current.toString());
        }
        current = new StringBuilder(line);
      }
      if (indented || endsSentence(line)) {
        paragraphs.add(current.toString());
        current = null;
      }
    }
    if (current != null) {
      paragraphs.add(current.toString());
    }
    return paragraphs;
  }

  private static boolean endsSentence(String line) {
    String s = line.strip();
    return s.isEmpty() || s.endsWith(".") || s.endsWith(":") || s.endsWith("!") || s.endsWith("?") || s.endsWith("%n");
  }

  /** The first sentence of a command's description, as the command list shows it. */
  static String summary(CommandSpec spec) {
    String[] header = spec.usageMessage().header();
    String text = header.length > 0 ? header[0] : String.join(" ", paragraphs(spec.usageMessage().description()));
    String first = SENTENCE_END.split(text.replace("%n", " ").replace("%%", "%").strip(), 2)[0];
    int table = first.indexOf("  ");
    String sentence = table > 0 ? first.substring(0, table).strip() : first;
    if (sentence.length() > LONG) {
      sentence = firstClause(sentence);
    }
    return sentence.endsWith(":") || sentence.endsWith(";") ? sentence.substring(0, sentence.length() - 1) + "." : sentence;
  }

  /** A long sentence up to its first ':' or ';' outside parentheses (with the mark), or the whole sentence. */
  private static String firstClause(String sentence) {
    int depth = 0;
    for (int k = 0; k < sentence.length(); k++) {
      char c = sentence.charAt(k);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth == 0 && (c == ':' || c == ';') && k + 1 < sentence.length() && sentence.charAt(k + 1) == ' ') {
        return sentence.substring(0, k + 1);
      }
    }
    return sentence;
  }

  private static String commandList(Help help) {
    CommandSpec spec = help.commandSpec();
    Set<CommandSpec> listed = new LinkedHashSet<>();
    int longest = 0;
    for (CommandLine sub : spec.subcommands().values()) {
      if (!sub.getCommandSpec().usageMessage().hidden() && listed.add(sub.getCommandSpec())) {
        longest = Math.max(longest, sub.getCommandName().length());
      }
    }
    if (listed.isEmpty()) {
      return "";
    }
    int width = spec.usageMessage().width();
    int nameWidth = longest + 4;
    TextTable table = TextTable.forColumns(help.colorScheme(), new Column(nameWidth, 2, Column.Overflow.SPAN),
        new Column(width - nameWidth, 2, Column.Overflow.WRAP));
    for (CommandSpec sub : listed) {
      table.addRowValues(help.colorScheme().commandText(sub.name()), help.colorScheme().text(summary(sub)));
    }
    return table.toString();
  }
}
