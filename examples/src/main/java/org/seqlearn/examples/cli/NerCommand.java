package org.seqlearn.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code seqlearn ner}: named-entity recognition commands. */
@Command(
    name = "ner",
    mixinStandardHelpOptions = true,
    description = "Named-entity recognition on CoNLL-format files.",
    subcommands = {NerTrainCommand.class, NerTagCommand.class, NerEvaluateCommand.class})
public final class NerCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
