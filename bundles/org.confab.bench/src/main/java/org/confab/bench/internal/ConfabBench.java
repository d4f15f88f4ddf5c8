package org.confab.bench.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./confab bench connect|chat|relay|files [options]}: load generator on the client library.
 * Progress goes to stderr, results to stdout (one JSON object per line with {@code --json}).
 */
public final class ConfabBench {
    private static final String USAGE = """
            Usage: ./confab bench SCENARIO [--server HOST:PORT[,HOST:PORT...]] [--json] [options]
            (several servers: the nodes of a cluster; user i connects to server i modulo their number)
              connect --sessions N [--users U] [--concurrency C] [--hold SECONDS] [--server-pid PID] [--sources S]
              chat    --users N --rate MSGS_PER_S --duration SECONDS --size BYTES [--warmup SECONDS (5, not counted)]
                      [--sources S]
              relay   --users N --rate MSGS_PER_S --duration SECONDS --size BYTES [--warmup SECONDS]
                      (do-nothing TCP relay baseline)
              files   [--size MIB (100)] [--concurrency N (1)] [--server-pid PID]
                      (upload and download MiB/s through the server against a plain TLS copy of the same files)
              search  [--users N (4)] [--duration SECONDS (20)] [--query TEXT]
                      (chat.search over all conversations, one after the other per user; run chat beside it)
              plot    --input RESULTS.jsonl --output PLOT.png   (latency against load; add "label" to lines to name series)
            Accounts are <prefix>-<n> (--prefix, default "bench") with the password from CONFAB_BENCH_PASSWORD.
            --sources N connects from 127.0.0.1 to 127.0.0.N, --sources ADDR,ADDR,... from those addresses,
            round-robin by session (default: the system's choice). Each source has ~28,000 ephemeral ports.
            The server limits connections per address: start it with --max-connections-per-address at least
            sessions/N and --limits-exempt listing the sources (registrations come from the first).""";

    private ConfabBench() {
    }

    public static void main(String[] arguments) {
        System.exit(run(Arrays.asList(arguments), System.out, System.err));
    }

    static int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.isEmpty() || arguments.get(0).equals("help")) {
            out.println(USAGE);
            return arguments.isEmpty() ? 2 : 0;
        }
        try {
            Options options = new Options(arguments.subList(1, arguments.size()));
            Report report = switch (arguments.get(0)) {
                case "connect" -> new ConnectBench().run(options, err);
                case "chat" -> new ChatBench().run(options, err);
                case "relay" -> new RelayBench().run(options, err);
                case "files" -> new FilesBench().run(options, err);
                case "search" -> new SearchBench().run(options, err);
                case "plot" -> new LatencyPlot().run(options);
                default -> throw new IllegalArgumentException("unknown scenario '" + arguments.get(0) + "'");
            };
            if (options.flag("label") || !options.text("label", "").isEmpty()) {
                report.put("label", options.text("label", ""));
            }
            report.print(out, options.flag("json"));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (Exception e) {
            err.println("bench: " + e);
            return 1;
        }
    }
}
