package org.confab.releng.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.Baseline.Info;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.service.diff.Delta;
import aQute.bnd.service.diff.Diff;

/**
 * Compares a built bundle's exported packages with the same bundle's released baseline, using bnd's
 * semantic diff: a package whose change needs a higher version than its {@code Export-Package}
 * version (an incompatible change without a major bump, an addition without a minor bump) is a
 * problem, and so is a package the baseline exported that is gone. Interfaces count as implemented by
 * consumers unless marked {@code @ProviderType}, so adding a method to one is incompatible. Unlike
 * bnd's own baselining, versions below 1.0 get no free pass: an incompatible change of a 0.x package
 * needs 1.0.0.
 */
public final class ApiBaseline {
    private static final int MAX_DETAILS = 12;

    private ApiBaseline() {
    }

    /** What is wrong with {@code built} against {@code baseline}, one line per package; empty when nothing. */
    public static List<String> problems(Path built, Path baseline) throws Exception {
        List<String> problems = new ArrayList<>();
        try (Processor reporter = new Processor(); Jar newer = new Jar(built.toFile());
                Jar older = new Jar(baseline.toFile())) {
            List<Info> infos = new ArrayList<>(new Baseline(reporter, new DiffPluginImpl()).baseline(newer, older, null));
            infos.sort(Comparator.comparing(info -> info.packageName));
            for (Info info : infos) {
                Delta delta = info.packageDiff.getDelta();
                if (delta == Delta.REMOVED) {
                    problems.add(info.packageName + ": exported by the baseline (" + info.olderVersion
                            + ") and no longer exported: an incompatible change");
                } else if (info.suggestedVersion != null && info.newerVersion.compareTo(info.suggestedVersion) < 0) {
                    // bnd itself (info.mismatch) lets 0.x versions change freely, as semantic versioning
                    // allows before 1.0; Confab's 0.x APIs already have users, so they are held to it too
                    problems.add(info.packageName + ": " + delta + " change needs version " + info.suggestedVersion
                            + " or higher, Export-Package says " + info.newerVersion + " (baseline "
                            + info.olderVersion + ")" + details(info.packageDiff));
                }
            }
            problems.addAll(reporter.getErrors());
        }
        return problems;
    }

    /** The changed members, so the message says what changed, not only that something did. */
    private static String details(Diff packageDiff) {
        List<String> lines = new ArrayList<>();
        collect(packageDiff, "", lines);
        String shown = String.join("", lines.subList(0, Math.min(MAX_DETAILS, lines.size())));
        return lines.size() > MAX_DETAILS ? shown + "\n      ... and " + (lines.size() - MAX_DETAILS) + " more" : shown;
    }

    private static void collect(Diff diff, String owner, List<String> lines) {
        for (Diff child : diff.getChildren()) {
            Delta delta = child.getDelta();
            if (delta == Delta.UNCHANGED || delta == Delta.IGNORED) {
                continue;
            }
            String name = owner.isEmpty() ? child.getName() : owner + "." + child.getName();
            if (child.getChildren().isEmpty() || delta == Delta.ADDED || delta == Delta.REMOVED) {
                lines.add("\n      " + delta + " " + child.getType() + " " + name);
            } else {
                collect(child, owner.isEmpty() && child.getType().toString().equals("CLASS") ? child.getName()
                        : name, lines);
            }
        }
    }
}
