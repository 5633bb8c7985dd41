package com.msaair.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JVM's CPU goes during the measured window, by component. Two sources, because neither sees
 * everything: Linux counts every thread's CPU (/proc/PID/task/TID/stat), which splits GC, the JIT and
 * the VM's own threads from the application's; a Java Flight Recording (started and stopped with
 * {@code jcmd} around the window only, so the warm-up is not in it) samples the Java threads' stacks,
 * which splits their share among the libraries doing the work. Each stack sample is charged to the
 * innermost frame that belongs to a known component (a HashMap lookup inside EclipseLink is
 * EclipseLink's cost), so the figures are "self" time by library, not inclusive time of operations.
 */
final class Profiler {

    private static final double TICKS_PER_SECOND = 100.0;

    /** Component → package prefixes, checked from the innermost frame outwards; the first match takes the sample. */
    static final Map<String, List<String>> COMPONENTS = components();

    private static Map<String, List<String>> components() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("database (Derby engine)", List.of("org.apache.derby."));
        c.put("database (PostgreSQL driver)", List.of("org.postgresql."));
        c.put("JPA (EclipseLink)", List.of("org.eclipse.persistence."));
        c.put("JDBC pool, JTA", List.of("com.ibm.ws.rsadapter.", "com.ibm.ejs.j2c.", "com.ibm.ws.jca.", "com.ibm.tx.", "com.ibm.ws.tx.",
                "com.ibm.ws.transaction.", "com.ibm.ws.Transaction.", "com.ibm.ws.uow."));
        c.put("Kafka client", List.of("org.apache.kafka."));
        c.put("Reactive Messaging", List.of("com.ibm.ws.microprofile.reactive.", "io.openliberty.microprofile.reactive.", "io.smallrye.reactive.",
                "io.openliberty.reactive.", "org.reactivestreams.", "io.reactivex."));
        c.put("token verification, security", List.of("org.jose4j.", "com.ibm.ws.security.", "com.ibm.websphere.security.", "io.openliberty.security.",
                "sun.security.", "java.security.", "javax.crypto.", "com.sun.crypto."));
        c.put("tracing (OpenTelemetry)", List.of("io.opentelemetry.", "io.openliberty.microprofile.telemetry.", "io.openliberty.opentelemetry."));
        c.put("logging", List.of("com.ibm.ws.logging.", "com.ibm.websphere.ras.", "com.ibm.ejs.ras.", "com.ibm.ws.collector.", "java.util.logging.",
                "org.slf4j."));
        c.put("JSON", List.of("org.eclipse.yasson.", "org.eclipse.parsson.", "org.glassfish.json.", "jakarta.json."));
        c.put("Rest Client (outgoing HTTP)", List.of("org.jboss.resteasy.client.", "org.jboss.resteasy.microprofile.client.",
                "io.openliberty.restfulWS.client.", "io.openliberty.org.jboss.resteasy.common.client.", "org.apache.http.", "java.net.http.",
                "jdk.internal.net.http.", "sun.net.www."));
        c.put("fault tolerance", List.of("com.ibm.ws.microprofile.faulttolerance", "io.openliberty.microprofile.faulttolerance", "io.smallrye.faulttolerance."));
        c.put("JAX-RS (RESTEasy)", List.of("org.jboss.resteasy.", "io.openliberty.restfulWS.", "io.openliberty.org.jboss.resteasy.", "com.ibm.ws.jaxrs"));
        c.put("HTTP server (Liberty web container)", List.of("com.ibm.ws.webcontainer", "com.ibm.ws.http", "com.ibm.ws.channelfw.", "com.ibm.ws.tcpchannel.",
                "com.ibm.io.", "com.ibm.wsspi.", "io.openliberty.http", "com.ibm.ws.genericbnf."));
        c.put("CDI (Weld), interceptors", List.of("org.jboss.weld.", "com.ibm.ws.cdi.", "io.openliberty.cdi."));
        c.put("metrics", List.of("io.smallrye.metrics.", "com.ibm.ws.microprofile.metrics", "io.openliberty.microprofile.metrics", "io.micrometer."));
        c.put("health checks", List.of("com.ibm.ws.microprofile.health", "io.openliberty.microprofile.health", "io.smallrye.health."));
        c.put("executors, concurrency", List.of("com.ibm.ws.threading.", "com.ibm.ws.concurrent.", "io.openliberty.concurrent.", "java.util.concurrent."));
        c.put("application (com.msaair)", List.of("com.msaair."));
        c.put("network I/O (JDK)", List.of("sun.nio.", "java.nio.", "java.net.", "sun.net."));
        return c;
    }

    /**
     * The CPU ticks of one process and of its long-lived JVM threads by kind: JIT, GC, other VM threads.
     * The Java threads' share is the process's less those: a thread pool's threads come and go, and a
     * thread that ended takes its own ticks with it from /proc/PID/task, while the process keeps them.
     */
    record ThreadTicks(long process, Map<String, Long> byKind) {

        static ThreadTicks of(long pid) {
            Map<String, Long> kinds = new LinkedHashMap<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
                tasks.forEach(task -> {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        kinds.merge(kind(name), Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                    } catch (IOException | RuntimeException e) {
                        // the thread ended meanwhile
                    }
                });
            } catch (IOException e) {
                // the process is gone
            }
            return new ThreadTicks(ProcessSampler.cpuTicks(pid), kinds);
        }

        static String kind(String threadName) {
            if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler") || threadName.startsWith("Compiler")) {
                return "JIT";
            }
            if (threadName.startsWith("GC ") || threadName.startsWith("G1 ") || threadName.startsWith("GC Thread")) {
                return "GC";
            }
            if (threadName.equals("VM Thread") || threadName.startsWith("VM Periodic") || threadName.startsWith("Service Thread")
                    || threadName.startsWith("Monitor Deflat") || threadName.startsWith("Sweeper") || threadName.startsWith("JFR")
                    || threadName.startsWith("Signal Dispatch") || threadName.startsWith("Common-Cleaner") || threadName.startsWith("Reference Handl")
                    || threadName.startsWith("Finalizer") || threadName.startsWith("Notification Th")) {
                return "VM";
            }
            return "Java";
        }

        Map<String, Double> secondsSince(ThreadTicks start) {
            Map<String, Double> seconds = new LinkedHashMap<>();
            double jvm = 0;
            for (String kind : List.of("GC", "JIT", "VM")) {
                double spent = Math.max(0, byKind.getOrDefault(kind, 0L) - start.byKind.getOrDefault(kind, 0L)) / TICKS_PER_SECOND;
                seconds.put(kind, spent);
                jvm += spent;
            }
            seconds.put("Java", Math.max(0, (process - start.process) / TICKS_PER_SECOND - jvm));
            return seconds;
        }
    }

    private final Map<String, Long> jvms;
    private final Path directory;
    private final Map<String, ThreadTicks> start = new LinkedHashMap<>();

    /** @param jvms name → pid of the JVMs to profile */
    Profiler(Map<String, Long> jvms, Path directory) {
        this.jvms = jvms;
        this.directory = directory;
    }

    void start() {
        jvms.forEach((name, pid) -> {
            jcmd(pid, "JFR.start", "name=bench", "settings=profile");
            start.put(name, ThreadTicks.of(pid));
        });
    }

    /** Stops the recordings and says, per JVM, the CPU seconds of the window by component. */
    Map<String, Map<String, Double>> stop() {
        Map<String, Map<String, Double>> result = new LinkedHashMap<>();
        Map<String, Map<String, Double>> threads = new LinkedHashMap<>();
        jvms.forEach((name, pid) -> threads.put(name, ThreadTicks.of(pid).secondsSince(start.get(name))));
        jvms.forEach((name, pid) -> {
            Path file = directory.resolve(name + ".jfr");
            jcmd(pid, "JFR.stop", "name=bench", "filename=" + file);
            Map<String, Double> seconds = new LinkedHashMap<>();
            Map<String, Double> kinds = threads.get(name);
            double java = kinds.get("Java");
            shares(file).forEach((component, share) -> seconds.put(component, java * share));
            seconds.put("GC", kinds.get("GC"));
            seconds.put("JIT", kinds.get("JIT"));
            seconds.put("VM threads", kinds.get("VM"));
            result.put(name, seconds);
        });
        return result;
    }

    /** Each component's share of the Java threads' stack samples in a recording. */
    static Map<String, Double> shares(Path recording) {
        Map<String, Long> counts = new LinkedHashMap<>();
        long total = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                counts.merge(component(event.getStackTrace()), 1L, Long::sum);
                total++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + recording, e);
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String component : COMPONENTS.keySet()) {
            shares.put(component, total == 0 ? 0 : counts.getOrDefault(component, 0L) / (double) total);
        }
        shares.put("other (Liberty kernel, JDK)", total == 0 ? 0 : counts.getOrDefault("other", 0L) / (double) total);
        return shares;
    }

    static String component(RecordedStackTrace stack) {
        if (stack == null) {
            return "other";
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> component : COMPONENTS.entrySet()) {
                for (String prefix : component.getValue()) {
                    if (type.startsWith(prefix)) {
                        return component.getKey();
                    }
                }
            }
        }
        return "other";
    }

    /** A table of CPU milliseconds per booking: a row per component, a column per JVM, only components that cost something. */
    static String markdown(Map<String, Map<String, Double>> seconds, double bookings) {
        List<String> jvms = List.copyOf(seconds.keySet());
        StringBuilder md = new StringBuilder("| CPU ms per booking | " + String.join(" | ", jvms) + " | all |\n|---|"
                + "---|".repeat(jvms.size() + 1) + "\n");
        Map<String, Double> totals = new LinkedHashMap<>();
        for (String component : componentsIn(seconds)) {
            double all = 0;
            StringBuilder row = new StringBuilder("| " + component + " |");
            for (String jvm : jvms) {
                double ms = seconds.get(jvm).getOrDefault(component, 0.0) * 1000 / bookings;
                all += ms;
                totals.merge(jvm, ms, Double::sum);
                row.append(String.format(java.util.Locale.ROOT, " %.2f |", ms));
            }
            if (all >= 0.05) {
                md.append(row).append(String.format(java.util.Locale.ROOT, " %.2f |%n", all));
            }
        }
        md.append("| **all** |");
        totals.values().forEach(ms -> md.append(String.format(java.util.Locale.ROOT, " **%.2f** |", ms)));
        md.append(String.format(java.util.Locale.ROOT, " **%.2f** |%n", totals.values().stream().mapToDouble(Double::doubleValue).sum()));
        return md.toString();
    }

    /** The same figures as a horizontal stacked bar per JVM. */
    static void draw(Map<String, Map<String, Double>> seconds, double bookings, Path png, String title) {
        org.jfree.data.category.DefaultCategoryDataset data = new org.jfree.data.category.DefaultCategoryDataset();
        for (String component : componentsIn(seconds)) {
            seconds.forEach((jvm, byComponent) -> data.addValue(byComponent.getOrDefault(component, 0.0) * 1000 / bookings, component, jvm));
        }
        org.jfree.chart.JFreeChart chart = org.jfree.chart.ChartFactory.createStackedBarChart(title, null, "CPU ms per booking", data,
                org.jfree.chart.plot.PlotOrientation.HORIZONTAL, true, false, false);
        try {
            Files.createDirectories(png.getParent());
            org.jfree.chart.ChartUtils.saveChartAsPNG(png.toFile(), chart, 1100, 650);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> componentsIn(Map<String, Map<String, Double>> seconds) {
        java.util.LinkedHashSet<String> components = new java.util.LinkedHashSet<>();
        seconds.values().forEach(byComponent -> components.addAll(byComponent.keySet()));
        return List.copyOf(components);
    }

    private static void jcmd(long pid, String... command) {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jcmd = Path.of(java).resolveSibling("jcmd");
        List<String> line = new java.util.ArrayList<>(List.of(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", String.valueOf(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
