package org.seqlearn.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code seqlearn} command line: {@code seqlearn <command> [options]}; every command has its
 * own {@code --help}. The {@code ./seqlearn} launcher at the repository root builds and runs it.
 */
@Command(
    name = "seqlearn",
    mixinStandardHelpOptions = true,
    versionProvider = SeqlearnCommand.Version.class,
    description = "Pure-Java sequence models: recurrent networks, word vectors, attention, audio.",
    subcommands = {
        CharLmCommand.class,
        Word2VecCommand.class,
        GloveCommand.class,
        AnalogiesCommand.class,
        SimilarityCommand.class,
        SimilarCommand.class,
        DebiasCommand.class,
        SpectrogramCommand.class,
        DatesCommand.class,
        BleuCommand.class,
        TranscribeCommand.class,
        NerCommand.class,
        SelfCheckCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Run 'seqlearn <command> --help' for the options of a command."})
public final class SeqlearnCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    spec.commandLine().usage(out);
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(execute(commandLine(), args));
  }

  /**
   * Runs {@code cli}; a {@link VirtualMachineError} (out of memory, stack overflow), which
   * picocli does not catch, is reported on one line too (see {@link Failures#reportFatal}).
   */
  static int execute(CommandLine cli, String... args) {
    try {
      return cli.execute(args);
    } catch (VirtualMachineError e) {
      return Failures.reportFatal(e, cli);
    }
  }

  /**
   * The configured command line, for tests and embedding: every failure is one line on stderr
   * and a non-zero exit code (see {@link #reportBadInput}).
   */
  public static CommandLine commandLine() {
    return withFailureReports(new CommandLine(new SeqlearnCommand()));
  }

  /** Installs the one-line failure reports on {@code cli} (e.g. a single command's, in tests). */
  static CommandLine withFailureReports(CommandLine cli) {
    return cli.setExecutionExceptionHandler(SeqlearnCommand::reportBadInput)
        .setParameterExceptionHandler(Failures::reportUsage);
  }

  /**
   * Reports a failed command as one line on stderr naming the command, the file and the problem,
   * never a stack trace: exit code 2 for bad input (any I/O error, a malformed file, a bad
   * option value), 1 for a run that failed (training diverged, a model not saved), and 70 with a
   * hint to rerun with {@code -Dseqlearn.debug=true} for an internal bug (see {@link Failures}).
   */
  private static int reportBadInput(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    return Failures.report(e, cli, parsed);
  }

  /** Reports the version of the seqlearn jar and the running JVM. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SeqlearnCommand.class.getPackage().getImplementationVersion();
      return new String[] {
          "seqlearn " + (v == null ? "(development build)" : v),
          "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
      };
    }
  }
}
