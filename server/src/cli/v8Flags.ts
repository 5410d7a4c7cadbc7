import { setFlagsFromString } from 'node:v8';

/**
 * TurboFan inlines a quarter of its default budget (cumulative bytecode inlined into one function, 920 by
 * default). Each thread of a batch compiles the engine for itself, and on a machine of few cores that
 * compiling takes the cores the checking needs: on 2 cores, 2,000 reports with the main thread and a
 * worker took 2.91–2.98 s by default and 2.42–2.57 s so (10,000: 8.35–9.47 s against 8.05–8.15 s), while
 * one thread, once compiled, checks as fast either way. A flag of the process, read when a function is
 * optimised: bin.ts imports this first, and the worker threads share it.
 */
setFlagsFromString('--max-inlined-bytecode-size-cumulative=230');

/**
 * Regular expressions are compiled to machine code at once, not first to bytecode that is optimised,
 * interpreted and then compiled again. The largest, prose-table-mismatch's alternation of every phrase
 * before a number (4,600 characters), took 46 ms to compile that way in each thread, against 12 ms, and
 * ran a sixth as fast until it was compiled again. A one-file check: 0.245 → 0.22 s (medians of six);
 * 2,000 reports: 3.76 → 3.64 s with two threads, 4.00 → 3.93 s with one (medians of six, in turn). Read
 * when an expression first runs, so set here before any does.
 */
setFlagsFromString('--no-regexp-tier-up');
