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
        SimilarCommand.class,
        DebiasCommand.class,
        SpectrogramCommand.class,
        BleuCommand.class,
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
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for tests and embedding. */
  public static CommandLine commandLine() {
    return new CommandLine(new SeqlearnCommand())
        .setExecutionExceptionHandler(SeqlearnCommand::reportBadInput);
  }

  /**
   * A command that rejects its input with an {@link IllegalArgumentException} (a bad option value,
   * a malformed file) gets one line on stderr naming the command and the problem, and exit code
   * 2, instead of a stack trace; any other failure propagates as usual.
   */
  private static int reportBadInput(Exception e, CommandLine cli, CommandLine.ParseResult parsed)
      throws Exception {
    if (!(e instanceof IllegalArgumentException)) {
      throw e;
    }
    cli.getErr().println(cli.getCommandSpec().qualifiedName() + ": " + e.getMessage());
    return 2;
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
