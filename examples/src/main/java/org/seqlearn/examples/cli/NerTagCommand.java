package org.seqlearn.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.seqlearn.nlp.tagging.Chunk;
import org.seqlearn.nlp.tagging.ConllReader;
import org.seqlearn.nlp.tagging.ConllWriter;
import org.seqlearn.nlp.tagging.TagScheme;
import org.seqlearn.nlp.tagging.TaggedSentence;
import org.seqlearn.nlp.tagging.TaggerFile;
import org.seqlearn.nlp.tagging.TaggerTrainer;
import org.seqlearn.nlp.text.WordTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code seqlearn ner tag}: tags raw text or a CoNLL file with a trained tagger. */
@Command(
    name = "tag",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Tags FILE (or standard input) with a tagger saved by 'ner train'. Raw text (the"
          + " default) is one sentence per non-blank line, split into words and punctuation;"
          + " with --input conll the tokens are the first column of a CoNLL file. Output is"
          + " CoNLL (token and tag) or, with --format inline, each sentence with its entities"
          + " marked as [Harry Potter](person).",
      "",
      "Example: echo 'Harry Potter went to London' | seqlearn ner tag --model ner.safetensors"
          + " --format inline"
    })
public final class NerTagCommand implements Callable<Integer> {
  /** Input formats. */
  enum Input { text, conll }

  /** Output formats. */
  enum Format { conll, inline }

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "MODEL",
      description = "Tagger saved by 'ner train'.")
  Path model;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "Input file (default: standard input).")
  Path file;

  @Option(names = "--input", defaultValue = "text",
      description = "text or conll (default: ${DEFAULT-VALUE}).")
  Input input;

  @Option(names = "--format", defaultValue = "conll",
      description = "conll or inline (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    try {
      TaggerFile.Loaded loaded = TaggerFile.load(model);
      List<TaggedSentence> sentences = sentences();
      if (sentences.isEmpty()) {
        throw new IllegalArgumentException("the input has no tokens");
      }
      List<TaggedSentence> tagged =
          TaggerTrainer.tag(loaded.tagger(), loaded.encoder(), sentences, 32);
      PrintWriter out = spec.commandLine().getOut();
      if (format == Format.conll) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConllWriter().write(bytes, tagged);
        out.print(bytes.toString(StandardCharsets.UTF_8));
      } else {
        for (TaggedSentence s : tagged) {
          out.println(inline(s));
        }
      }
      out.flush();
      return 0;
    } catch (IllegalArgumentException | IOException e) {
      String message = e instanceof NoSuchFileException ? "no such file: " + e.getMessage()
          : e.getMessage();
      spec.commandLine().getErr().println("ner tag: " + message);
      return 2;
    }
  }

  private List<TaggedSentence> sentences() throws IOException {
    if (input == Input.conll) {
      if (file != null) {
        return new ConllReader().withColumns(0, 0).read(file);
      }
      return new ConllReader().withColumns(0, 0).read(System.in, "<stdin>");
    }
    String text;
    if (file != null) {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } else {
      InputStream in = System.in;
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    WordTokenizer tokenizer = new WordTokenizer(WordTokenizer.Mode.WORD_PUNCTUATION, false);
    List<TaggedSentence> out = new ArrayList<>();
    for (String line : text.split("\\R")) {
      List<String> tokens = tokenizer.tokenize(line);
      if (!tokens.isEmpty()) {
        out.add(new TaggedSentence(tokens, Collections.nCopies(tokens.size(), "O")));
      }
    }
    return out;
  }

  /** The sentence's tokens joined by spaces, with each BIO entity as {@code [tokens](type)}. */
  static String inline(TaggedSentence s) {
    List<Chunk> chunks = TagScheme.BIO.chunks(s.tags());
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < s.size(); ) {
      if (out.length() > 0) {
        out.append(' ');
      }
      Chunk c = next < chunks.size() && chunks.get(next).start() == i ? chunks.get(next) : null;
      if (c == null) {
        out.append(s.tokens().get(i));
        i++;
      } else {
        out.append('[').append(String.join(" ", s.tokens().subList(c.start(), c.end())))
            .append("](").append(c.type()).append(')');
        i = c.end();
        next++;
      }
    }
    return out.toString();
  }
}
