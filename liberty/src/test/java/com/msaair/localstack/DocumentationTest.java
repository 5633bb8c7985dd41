package com.msaair.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README and the pages under docs/ say that the code can confirm: the ports the launcher
 * uses, the modules, the settings the servers read, the fault-tolerance overrides, the commands and
 * their options, and every relative link. A statement that drifts from the code fails here, in the
 * unit tests, instead of misleading the next reader. The benchmark history is left out: its runs are
 * kept as they were.
 */
class DocumentationTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** The modules whose servers and code read the configuration documented in docs/configuration.md. */
    private static final List<String> CONFIGURED_MODULES = configuredModules();
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\|(.*)\\|\\s*$");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    @TempDir
    Path data;

    @Test
    void everyPortInAPortsTableIsOneTheLauncherUses() {
        Map<String, Set<Integer>> launcher = launcherPorts();
        Set<String> documented = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (Path doc : docs()) {
            for (Table table : tables(doc)) {
                int column = table.column("port");
                if (column < 0) {
                    continue;
                }
                for (List<String> row : table.rows()) {
                    String component = row.get(0).replaceAll("[*`]", "").strip().split("[\\s(]")[0].toLowerCase(Locale.ROOT);
                    Set<Integer> ports = numbers(row.get(column));
                    if (!launcher.containsKey(component)) {
                        wrong.add(where(doc) + ": a port of \"" + component + "\", which the launcher does not start");
                    } else if (ports.isEmpty() || !launcher.get(component).containsAll(ports)) {
                        wrong.add(where(doc) + ": " + component + " on " + ports + ", but the launcher uses " + launcher.get(component));
                    } else {
                        documented.add(component);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(documented).as("components with a row in a ports table").containsAll(launcher.keySet());
    }

    @Test
    void everyLocalAddressIsOneOfAStack() {
        Set<Integer> ports = new TreeSet<>();
        launcherPorts().values().forEach(ports::addAll);
        Pattern address = Pattern.compile("(?:localhost|127\\.0\\.0\\.1):(\\d+)");
        List<String> wrong = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher m = address.matcher(read(doc));
            while (m.find()) {
                int port = Integer.parseInt(m.group(1));
                // The developer's stack, the system tests' (every port plus 10000) and the benchmark's (plus 20000).
                if (!ports.contains(port) && !ports.contains(port - 10_000) && !ports.contains(port - 20_000)) {
                    wrong.add(where(doc) + ": " + m.group());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theReadmesLayoutListsEveryModuleAndDirectoryAndNothingElse() throws IOException {
        String readme = read(ROOT.resolve("README.md"));
        int heading = readme.indexOf("\n## The repository");
        assertThat(heading).as("README.md's section \"The repository\"").isPositive();
        int start = readme.indexOf("```", heading);
        String block = readme.substring(readme.indexOf('\n', start) + 1, readme.indexOf("```", start + 3));
        Set<String> listed = new TreeSet<>();
        for (String line : block.lines().toList()) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                listed.add(line.split("\\s+")[0]);
            }
        }
        List<String> missing = listed.stream().filter(entry -> !Files.exists(ROOT.resolve(entry))).toList();
        assertThat(missing).as("listed in README.md's layout but not in the repository").isEmpty();

        Set<String> directories = new TreeSet<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(read(ROOT.resolve("pom.xml")));
        while (module.find()) {
            directories.add(module.group(1) + "/");
        }
        try (Stream<Path> top = Files.list(ROOT)) {
            top.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !name.equals("target") && !name.equals("data"))
                    .forEach(name -> directories.add(name + "/"));
        }
        for (Service service : Service.values()) {
            directories.add(service.serverName() + "/");
        }
        directories.add(WebFrontEnd.SERVER + "/");
        assertThat(listed).as("README.md's layout").containsAll(directories);
        for (Service service : Service.values()) {
            assertThat(ROOT.resolve(service.serverName()).resolve("src/main/liberty/config/server.xml")).as("the module of " + service).exists();
        }
    }

    @Test
    void aNumberOfServicesIsTheNumberThereAre() {
        Pattern count = Pattern.compile("\\b(one|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:MSA Air\\s+)?services\\b",
                Pattern.CASE_INSENSITIVE);
        List<String> words = List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
        List<String> wrong = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher m = count.matcher(read(doc));
            while (m.find()) {
                if (words.indexOf(m.group(1).toLowerCase(Locale.ROOT)) + 1 != Service.values().length) {
                    wrong.add(where(doc) + ": \"" + m.group() + "\"");
                }
            }
        }
        assertThat(wrong).as("there are " + Service.values().length + " services").isEmpty();
    }

    /** Every environment variable of ours that a page names is one the code or the scripts read. */
    @Test
    void everyEnvironmentVariableNamedIsRead() {
        Set<String> known = knownEnvironmentVariables();
        Pattern variable = Pattern.compile("\\b(?:MSAAIR|OIDC|DB|KAFKA|SMTP)_[A-Z0-9_]*[A-Z0-9](?:_<[A-Z]+>)?");
        List<String> wrong = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher m = variable.matcher(read(doc));
            while (m.find()) {
                if (!isKnownVariable(m.group(), known)) {
                    wrong.add(where(doc) + ": " + m.group());
                }
            }
        }
        Path configuration = ROOT.resolve("docs/configuration.md");
        for (Table table : tables(configuration)) {
            int column = table.column("variable");
            for (List<String> row : column < 0 ? List.<List<String>>of() : table.rows()) {
                for (String name : code(row.get(column))) {
                    if (!isKnownVariable(name, known)) {
                        wrong.add(where(configuration) + ": " + name);
                    }
                }
            }
        }
        assertThat(wrong).as("named in the docs but read by nothing").isEmpty();
    }

    /** Every property named in docs/configuration.md is read, and every one the servers read is named there. */
    @Test
    void theConfigurationPageNamesExactlyTheSettingsTheServersRead() {
        Settings settings = settings();
        Path configuration = ROOT.resolve("docs/configuration.md");
        String page = read(configuration);
        List<String> unread = new ArrayList<>();
        for (Table table : tables(configuration)) {
            int column = table.column("property");
            for (List<String> row : column < 0 ? List.<List<String>>of() : table.rows()) {
                for (String key : code(row.get(column))) {
                    if (!settings.read(key)) {
                        unread.add(key);
                    }
                }
            }
        }
        Matcher named = Pattern.compile("`(msaair\\.[a-z0-9.<>-]*[a-z0-9>])`").matcher(page);
        while (named.find()) {
            if (!settings.read(named.group(1))) {
                unread.add(named.group(1));
            }
        }
        assertThat(unread).as("named in docs/configuration.md but read by no server").isEmpty();

        List<String> undocumented = new ArrayList<>();
        for (String key : settings.keys()) {
            boolean inFamily = settings.families().stream().anyMatch(family -> key.startsWith(family) && page.contains(family + "<property>"));
            if (!inFamily && !page.contains("`" + key + "`") && !Pattern.compile("\\b" + environmentName(key) + "\\b").matcher(page).find()) {
                undocumented.add(key);
            }
        }
        assertThat(undocumented).as("read by a server but not in docs/configuration.md").isEmpty();
    }

    /** MicroProfile Fault Tolerance reads {@code <class>/<method>/<annotation>/<parameter>} of the class the annotation is on. */
    @Test
    void everyFaultToleranceOverrideNamesAnAnnotatedMethodOfItsClass() {
        Map<String, String> classes = new TreeMap<>();
        for (String module : CONFIGURED_MODULES) {
            for (Path source : files(ROOT.resolve(module).resolve("src/main/java"), ".java")) {
                String fqcn = ROOT.resolve(module).resolve("src/main/java").relativize(source).toString()
                        .replace(".java", "").replace('/', '.');
                classes.put(environmentName(fqcn) + "_", read(source));
            }
        }
        Map<String, Set<String>> parameters = Map.of(
                "TIMEOUT", Set.of("VALUE", "UNIT"),
                "RETRY", Set.of("MAXRETRIES", "DELAY", "DELAYUNIT", "MAXDURATION", "DURATIONUNIT", "JITTER", "JITTERDELAYUNIT", "RETRYON", "ABORTON"),
                "CIRCUITBREAKER", Set.of("FAILON", "SKIPON", "DELAY", "DELAYUNIT", "REQUESTVOLUMETHRESHOLD", "FAILURERATIO", "SUCCESSTHRESHOLD"),
                "FALLBACK", Set.of("VALUE", "FALLBACKMETHOD", "APPLYON", "SKIPON"),
                "BULKHEAD", Set.of("VALUE", "WAITINGTASKQUEUE"));
        Pattern override = Pattern.compile("\\bCOM_MSAAIR_[A-Z0-9_]+");
        List<Path> places = new ArrayList<>(docs());
        places.add(ROOT.resolve("k8s/base/kustomization.yaml"));
        List<String> found = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Path place : places) {
            Matcher m = override.matcher(read(place));
            while (m.find()) {
                String name = m.group();
                found.add(name);
                var owner = classes.entrySet().stream().filter(c -> name.startsWith(c.getKey()))
                        .max(java.util.Comparator.comparingInt(c -> c.getKey().length()));
                String problem = owner.isEmpty() ? "no class of that name"
                        : faultToleranceProblem(name.substring(owner.get().getKey().length()), owner.get().getValue(), parameters);
                if (problem != null) {
                    wrong.add(where(place) + ": " + name + ": " + problem);
                }
            }
        }
        assertThat(found).as("overrides named in the docs").isNotEmpty();
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyCommandAndOptionNamedExists() {
        String script = read(ROOT.resolve("msaair"));
        String stack = read(ROOT.resolve("liberty/src/main/java/com/msaair/localstack/Stack.java"));
        Set<String> commands = matches(Pattern.compile("(?m)^  ([a-z]+)\\)"), script);
        commands.addAll(matches(Pattern.compile("case \"([a-z]+)\" ->"), stack));
        Set<String> upOptions = matches(Pattern.compile("equals\\(\"(--[a-z0-9-]+)\"\\)"), stack);
        String benchmark = read(ROOT.resolve("bench/src/main/java/com/msaair/bench/Benchmark.java"));
        Set<String> benchOptions = new TreeSet<>();
        for (String line : benchmark.lines().filter(l -> l.contains("COMMON_OPTIONS =") || l.matches("\\s*Mode\\.[A-Z]+, Set\\.of\\(.*")).toList()) {
            benchOptions.addAll(matches(Pattern.compile("\"([a-z-]+)\""), line));
        }
        assertThat(commands).contains("up", "down", "status", "reset", "dev", "consume", "token");
        assertThat(benchOptions).contains("mode", "concurrency", "rate");

        Pattern msaair = Pattern.compile("\\./msaair +([a-z]+)([^`|#)\\n]*)");
        // Up to the end of the code span or line, and on over a line that ends with a backslash.
        Pattern bench = Pattern.compile("\\./bench/run\\.sh([^`#\\n]*(?:\\\\\\n[^`#\\n]*)*)");
        List<String> wrong = new ArrayList<>();
        for (Path doc : docs()) {
            String text = read(doc);
            Matcher m = msaair.matcher(text);
            while (m.find()) {
                String command = m.group(1);
                String rest = m.group(2);
                if (!commands.contains(command)) {
                    wrong.add(where(doc) + ": ./msaair " + command);
                    continue;
                }
                if (command.equals("up")) {
                    for (String option : matches(Pattern.compile("(--[a-z0-9-]+)"), rest)) {
                        if (!upOptions.contains(option)) {
                            wrong.add(where(doc) + ": ./msaair up " + option);
                        }
                    }
                    Matcher without = Pattern.compile("--without ([a-z,]+)").matcher(rest);
                    while (without.find()) {
                        for (String name : without.group(1).split(",")) {
                            if (!Service.isService(name) && !name.equals(WebFrontEnd.SERVER)) {
                                wrong.add(where(doc) + ": ./msaair up --without " + name);
                            }
                        }
                    }
                }
                Matcher dev = Pattern.compile("^ +([a-z]+)").matcher(rest);
                if (command.equals("dev") && dev.find() && !Service.isService(dev.group(1)) && !dev.group(1).equals(WebFrontEnd.SERVER)) {
                    wrong.add(where(doc) + ": ./msaair dev " + dev.group(1));
                }
            }
            Matcher b = bench.matcher(text);
            while (b.find()) {
                for (String option : matches(Pattern.compile("--([a-z-]+)"), b.group(1))) {
                    if (!benchOptions.contains(option)) {
                        wrong.add(where(doc) + ": ./bench/run.sh --" + option);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyRelativeLinkLeadsSomewhere() {
        Set<String> screenshots = screenshotsWebItTakes();
        List<String> broken = new ArrayList<>();
        List<Path> pages = new ArrayList<>(docs());
        pages.add(ROOT.resolve("docs/benchmarks/history.md"));
        pages.add(ROOT.resolve("contracts/README.md"));
        for (Path doc : pages) {
            Matcher m = LINK.matcher(withoutCodeBlocks(read(doc)));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                boolean screenshot = resolved.getParent().equals(ROOT.resolve("docs/images"))
                        && screenshots.contains(resolved.getFileName().toString());
                if (!Files.exists(resolved) && !screenshot) {
                    broken.add(where(doc) + ": " + target);
                } else if (hash >= 0 && resolved.toString().endsWith(".md") && !anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(where(doc) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    // --- what the code says ---

    /** Every component of a stack on the usual ports (three brokers, PostgreSQL: every port it may use), by its name in the docs. */
    private Map<String, Set<Integer>> launcherPorts() {
        LocalStack stack = new LocalStack(new StackLayout(ROOT, data), EnumSet.allOf(Service.class), 0, 3).onPostgres();
        Map<String, Set<Integer>> ports = new LinkedHashMap<>();
        ports.put("gateway", Set.of(stack.gatewayUri().getPort(), stack.grpcGatewayPort()));
        ports.put(WebFrontEnd.SERVER, Set.of(stack.web().orElseThrow().port()));
        for (Service service : Service.values()) {
            ports.put(service.serverName(), Set.of(stack.server(service).port()));
        }
        ports.put("keycloak", Set.of(stack.keycloak().port()));
        ports.put("kafka", new TreeSet<>(stack.kafka().ports()));
        ports.put("zipkin", Set.of(stack.zipkin().port()));
        ports.put("prometheus", Set.of(PrometheusServer.PORT));
        ports.put("postgresql", Set.of(stack.postgres().orElseThrow().port()));
        return ports;
    }

    /** What the servers of the six services and the web front end read, and the families of properties read by prefix. */
    private record Settings(Set<String> keys, Set<String> families) {
        boolean read(String key) {
            if (key.contains("<")) {
                return families.contains(key.substring(0, key.indexOf('<')));
            }
            return keys.contains(key) || families.stream().anyMatch(key::startsWith);
        }
    }

    private static Settings settings() {
        Set<String> keys = new TreeSet<>();
        Set<String> families = new TreeSet<>();
        Pattern annotated = Pattern.compile("@(?:[\\w.]+\\.)?ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
        Pattern looked = Pattern.compile("get(?:Optional)?Value\\(\\s*\"([^\"]+)\"");
        Pattern constant = Pattern.compile("static final String \\w+\\s*=\\s*\"([a-z][a-z0-9.-]*)\"");
        Pattern variable = Pattern.compile("<variable\\s+name=\"([^\"]+)\"");
        Pattern reference = Pattern.compile("\\$\\{([a-z][a-z0-9.-]*)(?::[^}]*)?}");
        List<Path> configFiles = new ArrayList<>(files(ROOT.resolve("liberty/src/main/liberty/shared/config"), ".xml"));
        for (String module : CONFIGURED_MODULES) {
            for (Path source : files(ROOT.resolve(module).resolve("src/main/java"), ".java")) {
                String text = read(source);
                keys.addAll(matches(annotated, text));
                keys.addAll(matches(looked, text));
                if (text.contains("import org.eclipse.microprofile.config.Config;")) {
                    for (String name : matches(constant, text)) {
                        (name.endsWith(".") ? families : keys).add(name);
                    }
                }
            }
            configFiles.addAll(files(ROOT.resolve(module).resolve("src/main/liberty"), ".xml"));
            configFiles.addAll(files(ROOT.resolve(module).resolve("src/main/resources/META-INF"), "microprofile-config.properties"));
        }
        for (Path file : configFiles) {
            String text = read(file);
            if (file.toString().endsWith(".xml")) {
                keys.addAll(matches(variable, text));
                continue;
            }
            for (String line : text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                String key = line.substring(0, line.indexOf('=')).strip();
                if (!key.startsWith("mp.") && !key.equals("config_ordinal")) {
                    keys.add(key);
                }
                keys.addAll(matches(reference, line.substring(line.indexOf('=') + 1)));
            }
        }
        // Liberty's own, used in the shared configuration but set by Liberty, not by anyone's environment.
        keys.removeIf(key -> key.startsWith("server.") || key.startsWith("shared."));
        return new Settings(keys, families);
    }

    private static Set<String> knownEnvironmentVariables() {
        Set<String> known = new TreeSet<>();
        Settings settings = settings();
        settings.keys().forEach(key -> known.add(environmentName(key)));
        // The launcher and the scripts.
        Pattern getenv = Pattern.compile("getenv\\(\\)\\.getOrDefault\\(\"([A-Z0-9_]+)\"|getenv\\(\"([A-Z0-9_]+)\"\\)");
        for (String module : List.of("liberty", "bench")) {
            for (Path source : files(ROOT.resolve(module).resolve("src/main/java"), ".java")) {
                Matcher m = getenv.matcher(read(source));
                while (m.find()) {
                    known.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        for (String script : List.of("msaair", "bench/run.sh", ".ci/run")) {
            known.addAll(matches(Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]+)"), read(ROOT.resolve(script))));
        }
        // What carries each confidential client's secret into Keycloak's realm import.
        KeycloakServer.CONFIDENTIAL_CLIENTS.forEach(client -> known.add(KeycloakServer.secretVariable(client)));
        // Cookie names the servers and the gateway set: names, not variables.
        known.addAll(matches(Pattern.compile("[cC]ookieName=\"([A-Z_]+)\""), read(ROOT.resolve("web/src/main/liberty/server/server.xml"))));
        known.addAll(matches(Pattern.compile("name: (MSAAIR_[A-Z_]+)"), read(ROOT.resolve("k8s/base/gateway.yaml"))));
        settings.families().forEach(family -> known.add(environmentName(family) + "<PROPERTY>"));
        return known;
    }

    private static boolean isKnownVariable(String name, Set<String> known) {
        if (known.contains(name)) {
            return true;
        }
        // A Kafka client property given to the platform's consumers or to the relay's producer.
        for (var family : Map.of("MSAAIR_CONSUMER_KAFKA_", ConsumerConfig.configNames(), "MSAAIR_OUTBOX_KAFKA_", ProducerConfig.configNames()).entrySet()) {
            if (name.startsWith(family.getKey())) {
                String property = name.substring(family.getKey().length()).toLowerCase(Locale.ROOT).replace('_', '.');
                return property.equals("<property>") || family.getValue().contains(property);
            }
        }
        return false;
    }

    /** Null when {@code rest} (METHOD_ANNOTATION_PARAMETER) names an annotated method of {@code source}, else what is wrong. */
    private static String faultToleranceProblem(String rest, String source, Map<String, Set<String>> parameters) {
        Matcher parts = Pattern.compile("([A-Z0-9]+)_(TIMEOUT|RETRY|CIRCUITBREAKER|FALLBACK|BULKHEAD)_([A-Z]+)").matcher(rest);
        if (!parts.matches()) {
            return "not <method>_<annotation>_<parameter>";
        }
        Set<String> annotated = new TreeSet<>();
        Matcher annotation = Pattern.compile("@(Timeout|Retry|CircuitBreaker|Fallback|Bulkhead)\\b").matcher(source);
        Pattern method = Pattern.compile("(?m)^\\s*(?:(?:public|protected|private|static|final|synchronized)\\s+)*[\\w<>\\[\\],.?]+\\s+(\\w+)\\s*\\(");
        while (annotation.find()) {
            Matcher declared = method.matcher(source);
            if (declared.find(annotation.end())) {
                annotated.add(declared.group(1).toUpperCase(Locale.ROOT) + "_" + annotation.group(1).toUpperCase(Locale.ROOT));
            }
        }
        if (!annotated.contains(parts.group(1) + "_" + parts.group(2))) {
            return "the class has no method " + parts.group(1) + " with @" + parts.group(2) + " (it has " + annotated + ")";
        }
        if (!parameters.get(parts.group(2)).contains(parts.group(3)) && !parts.group(3).equals("ENABLED")) {
            return parts.group(3) + " is no parameter of @" + parts.group(2);
        }
        return null;
    }

    /** The screenshots WebIT writes to docs/images when asked (-Dmsaair.screenshots=true): the lead commits them. */
    private static Set<String> screenshotsWebItTakes() {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("screenshot\\(\"([a-z0-9-]+)\"(\\s*\\+\\s*lang)?\\)")
                .matcher(read(ROOT.resolve("system-tests/src/test/java/com/msaair/systemtest/WebIT.java")));
        while (m.find()) {
            if (m.group(2) == null) {
                names.add(m.group(1) + ".png");
            } else {
                names.add(m.group(1) + "en.png");
                names.add(m.group(1) + "ko.png");
            }
        }
        return names;
    }

    // --- reading the docs ---

    /** README.md and docs/, but the benchmark history (its runs stay as they were written). */
    private static List<Path> docs() {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        for (Path page : files(ROOT.resolve("docs"), ".md")) {
            if (!page.equals(ROOT.resolve("docs/benchmarks/history.md"))) {
                docs.add(page);
            }
        }
        return docs;
    }

    private record Table(List<String> header, List<List<String>> rows) {
        int column(String name) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).replaceAll("[*`]", "").strip().equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static List<Table> tables(Path doc) {
        List<Table> tables = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (String line : (withoutCodeBlocks(read(doc)) + "\n").lines().toList()) {
            Matcher row = TABLE_ROW.matcher(line);
            if (row.matches()) {
                List<String> cells = List.of(row.group(1).split("(?<!\\\\)\\|", -1));
                if (!cells.stream().allMatch(c -> c.strip().matches(":?-+:?"))) {
                    rows.add(cells);
                }
            } else if (!rows.isEmpty()) {
                int width = rows.get(0).size();
                tables.add(new Table(rows.get(0), rows.subList(1, rows.size()).stream()
                        .map(cells -> cells.size() >= width ? cells : pad(cells, width)).toList()));
                rows.clear();
            }
        }
        return tables;
    }

    /** The anchors GitHub gives a page's headings. */
    private static Set<String> anchors(Path doc) {
        Set<String> anchors = new LinkedHashSet<>();
        for (String line : withoutCodeBlocks(read(doc)).lines().filter(l -> l.matches("#{1,6} .*")).toList()) {
            StringBuilder slug = new StringBuilder();
            for (char c : line.replaceFirst("#+ ", "").strip().toLowerCase(Locale.ROOT).toCharArray()) {
                if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                    slug.append(c);
                } else if (c == ' ') {
                    slug.append('-');
                }
            }
            String anchor = slug.toString();
            for (int n = 1; !anchors.add(anchor); n++) {
                anchor = slug + "-" + n;
            }
        }
        return anchors;
    }

    private static String withoutCodeBlocks(String text) {
        StringBuilder kept = new StringBuilder();
        boolean inCode = false;
        for (String line : text.lines().toList()) {
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
                kept.append('\n');
                continue;
            }
            kept.append(inCode ? "" : line).append('\n');
        }
        return kept.toString();
    }

    private static List<String> pad(List<String> cells, int width) {
        List<String> padded = new ArrayList<>(cells);
        while (padded.size() < width) {
            padded.add("");
        }
        return padded;
    }

    private static Set<Integer> numbers(String cell) {
        Set<Integer> ports = new TreeSet<>();
        Matcher m = Pattern.compile("\\b(\\d{4,5})(?:\\s*[-–]\\s*(\\d{4,5}))?\\b").matcher(cell);
        while (m.find()) {
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            for (int port = from; port <= to; port++) {
                ports.add(port);
            }
        }
        return ports;
    }

    private static Set<String> code(String cell) {
        return matches(CODE, cell);
    }

    // --- helpers ---

    /** MicroProfile Config's name for a property in the environment: capitals, every other character an underscore. */
    private static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static List<String> configuredModules() {
        List<String> modules = new ArrayList<>(List.of("platform", WebFrontEnd.SERVER));
        for (Service service : Service.values()) {
            modules.add(service.serverName());
        }
        return modules;
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            for (int group = 1; group <= m.groupCount(); group++) {
                if (m.group(group) != null) {
                    found.add(m.group(group));
                    break;
                }
            }
        }
        return found;
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(Path file) {
        return ROOT.relativize(file).toString();
    }
}
