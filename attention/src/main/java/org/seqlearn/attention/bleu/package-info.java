/**
 * BLEU (Papineni et al. 2002) as the two implementations people compare against compute it:
 * {@link org.seqlearn.attention.bleu.NltkBleu} equals NLTK 3.8's {@code corpus_bleu} and
 * {@code sentence_bleu} on token lists, with its {@link
 * org.seqlearn.attention.bleu.SmoothingFunction} methods 0–7; {@link
 * org.seqlearn.attention.bleu.SacreBleu} equals sacreBLEU 2.6.0 on detokenised strings, with its
 * tokenizers ({@link org.seqlearn.attention.bleu.BleuTokenizer}), smoothing ({@link
 * org.seqlearn.attention.bleu.SacreBleuSmoothing}) and signature. Both count clipped n-gram
 * matches with one exact hash table per segment (linear time, memory of the longest segment) and
 * score a corpus from summed statistics, so a test set of any size streams through an
 * accumulator ({@link org.seqlearn.attention.bleu.SegmentReader} reads line-aligned files).
 *
 * <h2>Where NLTK and sacreBLEU differ</h2>
 *
 * <table>
 *   <caption>NLTK corpus_bleu vs sacreBLEU BLEU</caption>
 *   <tr><th></th><th>NLTK</th><th>sacreBLEU</th></tr>
 *   <tr><td>input</td><td>token lists; tokenising is the caller's business</td>
 *       <td>detokenised strings, tokenised by BLEU itself ({@code 13a} = mteval-v13a by
 *       default; {@code intl}, {@code char}, {@code none}); optional lowercasing</td></tr>
 *   <tr><td>scale</td><td>0–1</td><td>0–100</td></tr>
 *   <tr><td>default smoothing</td><td>none (method 0): a zero precision becomes
 *       {@code sys.float_info.min}, so the score is tiny (≈ 1e-77 with one zero order of four)
 *       but not 0, with a warning</td><td>{@code exp} (NIST): the k-th zero count becomes
 *       1/2^k, which is NLTK's method 3</td></tr>
 *   <tr><td>other smoothing</td><td>methods 1–7 of Chen and Cherry (2014); 5–7 use the
 *       corpus's <em>last</em> segment</td><td>{@code floor} = method 1 (ε = 0.1),
 *       {@code add-k} = method 2 for k = 1, {@code none}</td></tr>
 *   <tr><td>when is it 0</td><td>no unigram matches</td><td>no match at any order (then
 *       precisions and score are 0); with {@code none}, any zero precision</td></tr>
 *   <tr><td>short hypotheses</td><td>each segment adds max(1, n-gram count) to the n-gram
 *       denominator, so a hypothesis shorter than n lowers pₙ</td><td>denominators are the true
 *       counts; an order with no n-grams at all gives 0 unless {@code effective_order} averages
 *       only over the orders that have n-grams (its command line does so for sentence BLEU)</td>
 *       </tr>
 *   <tr><td>weights</td><td>any weights wₙ, any number of orders; {@code auto_reweigh}
 *       </td><td>uniform over {@code max_ngram_order} orders</td></tr>
 *   <tr><td>brevity penalty</td><td colspan="2">the same: c and r summed over segments, r the
 *       closest reference length (ties: the shorter); BP = exp(1 − r/c) for c ≤ r (NLTK gives
 *       0 for c = r = 0, sacreBLEU 1; the score is 0 either way)</td></tr>
 *   <tr><td>references</td><td>a list per segment</td><td>reference streams, one per file;
 *       a missing reference ({@code null}) makes the count variable ({@code nrefs:var})</td></tr>
 *   <tr><td>report</td><td>a number</td><td>number, precisions, BP, ratio, lengths and a
 *       signature such as {@code nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0}
 *       </td></tr>
 * </table>
 *
 * <h2>Where this API deliberately differs</h2>
 *
 * <ul>
 *   <li>Where NLTK fails (a segment without references: {@code ValueError}; method 6 without a
 *       3-gram match: {@code AssertionError}) an {@link IllegalArgumentException} says why. NLTK
 *       returns the integer 0 when no unigram matches; here it is 0.0. NLTK warns when an order
 *       has no match and method 0 makes the score tiny; here nothing is printed (the zero count
 *       is in {@code NltkBleu.Result.numerators()}).
 *   <li>NLTK's {@code sentence_bleu} with several weight vectors returns a list; here
 *       {@code sentenceScore} returns the first and {@code corpus(...).scores()} all of them.
 *   <li>NLTK keeps precisions as exact fractions and sums with {@code math.fsum}; this uses
 *       doubles, so results agree to about 1e-15 relative (the tests demand 1e-12).
 *   <li>{@link org.seqlearn.attention.bleu.BleuScore#counts()} and {@code totals()} are the
 *       counts before add-k smoothing; sacreBLEU's {@code BLEUScore.counts} include the added k.
 *   <li>Lowercasing is Java's {@code toLowerCase(Locale.ROOT)} and the {@code intl} tokenizer's
 *       Unicode categories are the JDK's; both equal Python's on characters assigned before
 *       Unicode 13 (newer characters depend on the two runtimes' Unicode versions).
 *   <li>Not provided: sacreBLEU's {@code zh}, {@code ja-mecab}, {@code ko-mecab} and
 *       {@code spm} tokenizers, its test-set downloads, bootstrap/paired significance tests,
 *       its warning about tokenised input ({@code --force}), chrF and TER.
 * </ul>
 */
package org.seqlearn.attention.bleu;
