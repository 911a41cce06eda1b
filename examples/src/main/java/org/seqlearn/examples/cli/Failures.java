package org.seqlearn.examples.cli;

import java.io.EOFException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.UnmappableCharacterException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.zip.ZipException;
import org.seqlearn.examples.charlm.ModelNotSavedException;
import org.seqlearn.layers.train.NonFiniteLossException;
import picocli.CommandLine;

/**
 * How a failed command is reported: exactly one line on stderr, {@code seqlearn <command>:
 * <problem>}, and an exit code that tells the kind of failure apart.
 *
 * <ul>
 *   <li>{@value #BAD_INPUT}: bad input — an option value, a missing, unreadable or malformed
 *       file, an unwritable output (any {@link IOException}, {@link UncheckedIOException} or
 *       {@link IllegalArgumentException}, and picocli's own usage errors). The line names the
 *       file and the problem and never holds a Java class name or stack trace.
 *   <li>{@value #RUN_FAILED}: the input was fine but the run did not succeed: training diverged
 *       ({@link NonFiniteLossException}) or a model was not saved because it was not better
 *       ({@link ModelNotSavedException}).
 *   <li>{@value #INTERNAL_ERROR}: anything else (a {@link NullPointerException}, an index out of
 *       bounds...) is a bug in seqlearn: the line says so, names the exception, and tells how to
 *       get its stack trace: the system property {@value #DEBUG_PROPERTY}{@code =true} (e.g.
 *       {@code SEQLEARN_JAVA_OPTS=-Dseqlearn.debug=true ./seqlearn ...}) or the environment
 *       variable {@value #DEBUG_ENV}{@code =1}, either of which also prints the trace of the
 *       other kinds.
 * </ul>
 */
final class Failures {

  static final int RUN_FAILED = 1;
  static final int BAD_INPUT = 2;
  static final int INTERNAL_ERROR = 70; // EX_SOFTWARE of sysexits.h
  static final String DEBUG_PROPERTY = "seqlearn.debug";
  static final String DEBUG_ENV = "SEQLEARN_DEBUG";

  private Failures() {}

  /** The execution exception handler of every command. */
  static int report(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    String command = cli.getCommandSpec().qualifiedName();
    int code = exitCode(e);
    String line = switch (code) {
      case BAD_INPUT, RUN_FAILED -> describe(e);
      default -> "internal error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()))
          + " - this is a bug in seqlearn; rerun with -D" + DEBUG_PROPERTY + "=true or "
          + DEBUG_ENV + "=1 for the stack trace";
    };
    PrintWriter err = cli.getErr();
    err.println(command + ": " + line);
    if (debug()) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /**
   * An out-of-memory error or a stack overflow: one line with exit code {@value
   * #INTERNAL_ERROR}, saying what may help (the stack trace with the debug switch).
   */
  static int reportFatal(VirtualMachineError e, CommandLine cli) {
    PrintWriter err = cli.getErr();
    String what = e instanceof OutOfMemoryError
        ? "out of memory (" + oneLine(e.getMessage()) + "); give the JVM more, e.g. "
            + "SEQLEARN_JAVA_OPTS=-Xmx8g, or check that the input files are what they claim"
        : "internal error: " + e.getClass().getSimpleName() + " - this is a bug in seqlearn; "
            + "rerun with -D" + DEBUG_PROPERTY + "=true or " + DEBUG_ENV + "=1 for the stack "
            + "trace";
    CommandLine.ParseResult parsed = cli.getParseResult();
    while (parsed != null && parsed.subcommand() != null) {
      parsed = parsed.subcommand();
    }
    String command = parsed == null ? cli.getCommandName()
        : parsed.commandSpec().qualifiedName();
    err.println(command + ": " + what);
    if (debug()) {
      e.printStackTrace(err);
    }
    err.flush();
    return INTERNAL_ERROR;
  }

  /** The parameter exception handler: picocli's usage errors, also on one line. */
  static int reportUsage(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    String command = cli.getCommandSpec().qualifiedName();
    PrintWriter err = cli.getErr();
    err.println(command + ": " + oneLine(e.getMessage()) + " (see '" + command + " --help')");
    if (debug()) {
      e.printStackTrace(err);
    }
    err.flush();
    return BAD_INPUT;
  }

  static int exitCode(Throwable e) {
    if (e instanceof NonFiniteLossException || e instanceof ModelNotSavedException) {
      return RUN_FAILED;
    }
    if (e instanceof IOException || e instanceof UncheckedIOException
        || e instanceof IllegalArgumentException) {
      return BAD_INPUT;
    }
    return INTERNAL_ERROR;
  }

  /** The problem in words, on one line, without Java class names. */
  static String describe(Throwable e) {
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      String context = u.getMessage();
      String cause = describe(u.getCause());
      boolean generic = context == null || context.equals(u.getCause().toString());
      return generic ? cause : oneLine(context) + ": " + cause;
    }
    String message = e.getMessage();
    if (e instanceof FileSystemException f) {
      return fileProblem(f);
    }
    if (e instanceof MalformedInputException m) {
      return "invalid UTF-8 (a malformed sequence of " + m.getInputLength() + " byte"
          + (m.getInputLength() == 1 ? "" : "s") + ")";
    }
    if (e instanceof UnmappableCharacterException || e instanceof CharacterCodingException) {
      return "invalid text encoding, expected UTF-8";
    }
    if (e instanceof ZipException) {
      return "not a valid gzip file" + (message == null ? "" : " (" + lower(message) + ")");
    }
    if (e instanceof EOFException) {
      return "unexpected end of file (truncated?)"
          + (message == null || message.isBlank() ? "" : ": " + lower(oneLine(message)));
    }
    if (e instanceof NumberFormatException) {
      return "invalid number: " + (message == null ? "?"
          : oneLine(message.replace("For input string: ", "")));
    }
    if (message == null || message.isBlank()
        || (e.getCause() != null && message.equals(e.getCause().toString()))) {
      return e.getCause() != null ? describe(e.getCause()) : words(e);
    }
    return withoutClassNames(oneLine(message));
  }

  private static String fileProblem(FileSystemException f) {
    String file = f.getFile() == null ? "" : f.getFile();
    String other = f.getOtherFile() == null ? "" : " -> " + f.getOtherFile();
    String what;
    if (f instanceof NoSuchFileException) {
      what = "no such file or directory";
    } else if (f instanceof AccessDeniedException) {
      what = "permission denied";
    } else if (f instanceof NotDirectoryException) {
      what = "not a directory";
    } else if (f instanceof FileAlreadyExistsException) {
      what = "already exists";
    } else if (f instanceof DirectoryNotEmptyException) {
      what = "directory not empty";
    } else {
      what = f.getReason() == null ? words(f) : lower(f.getReason());
    }
    String reason = f.getReason();
    if (reason != null && !(f.getClass() == FileSystemException.class)
        && !lower(reason).equals(what)) {
      what = what + " (" + lower(reason) + ")";
    }
    return withoutClassNames(oneLine(file + other + ": " + what));
  }

  /** A class name as words: {@code EOFException} becomes "EOF error", not a Java name. */
  private static String words(Throwable e) {
    String name = e.getClass().getSimpleName().replaceAll("(Exception|Error)$", "");
    return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT) + " error";
  }

  /** Drops "java.io.FooException: " style prefixes some libraries put in their messages. */
  static String withoutClassNames(String s) {
    return s.replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error):? ?", "")
        .replaceAll("\\b[A-Z]\\w*(?:Exception|Error): ", "");
  }

  static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static String lower(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  static boolean debug() {
    String env = System.getenv(DEBUG_ENV);
    return Boolean.getBoolean(DEBUG_PROPERTY)
        || (env != null && !env.isEmpty() && !env.equals("0") && !env.equalsIgnoreCase("false"));
  }
}
