package dev.zanith.maven;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What README.md and docs/ say about the plugin exists, and what the plugin has is documented: every goal
 * ({@code zanith:plan}), user property ({@code -Dzanith.max-risk}) and {@code <configuration>} element the docs name is
 * one of the plugin's (read from the generated descriptor, META-INF/maven/plugin.xml), and every parameter of every
 * goal is in docs/MAVEN.md with its property.
 */
class DocumentedParametersTest {

    // not a migration file's directive such as "-- zanith:transaction=none"
    private static final Pattern GOAL = Pattern.compile("(?<![\\w.:/-])zanith:([a-z][a-z-]*+)(?!=)");
    private static final Pattern PROPERTY = Pattern.compile("-D(zanith\\.[a-z][a-z0-9-]*)");
    private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);

    /** goal → parameter name → its user property (null for none). */
    private static final Map<String, Map<String, String>> GOALS = new TreeMap<>();

    @BeforeAll
    static void readTheDescriptor() throws Exception {
        try (InputStream in = DocumentedParametersTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(in).as("the generated plugin descriptor").isNotNull();
            Document descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            NodeList mojos = descriptor.getElementsByTagName("mojo");
            for (int i = 0; i < mojos.getLength(); i++) {
                Element mojo = (Element) mojos.item(i);
                Map<String, String> parameters = new TreeMap<>();
                Map<String, String> expressions = new TreeMap<>();
                Element configuration = child(mojo, "configuration");
                for (Element c : children(configuration)) {
                    expressions.put(c.getTagName(), c.getTextContent());
                }
                for (Element parameter : children(child(mojo, "parameters"))) {
                    if (text(parameter, "editable").equals("true")) {
                        String name = text(parameter, "name");
                        String expression = expressions.get(name);
                        parameters.put(name, expression == null ? null
                                : expression.replaceAll("^\\$\\{(.*)}$", "$1"));
                    }
                }
                GOALS.put(text(mojo, "goal"), parameters);
            }
        }
    }

    @Test
    void thePluginHasTheGoalsOfTheCliAndItsPropertiesAreNamedLikeItsElements() {
        assertThat(GOALS.keySet()).containsExactlyInAnyOrder("plan", "verify", "apply", "generate", "status", "baseline");
        GOALS.forEach((goal, parameters) -> parameters.forEach((name, property) -> {
            if (property != null) {
                assertThat(property).as("%s <%s>", goal, name).isEqualTo("zanith." + kebab(name));
            }
        }));
        assertThat(GOALS.get("plan")).containsKeys("url", "user", "password", "schemas", "migrations", "maxRisk",
                "allowDestructive", "denyReasons", "format", "observe", "shadow", "preflightTimeout");
    }

    @Test
    void everyGoalPropertyAndConfigurationElementTheDocsNameIsThePlugins() throws IOException {
        Set<String> properties = new TreeSet<>();
        Set<String> elements = new TreeSet<>();
        GOALS.values().forEach(parameters -> {
            elements.addAll(parameters.keySet());
            parameters.values().stream().filter(p -> p != null).forEach(properties::add);
        });
        List<String> wrong = new ArrayList<>();
        int goals = 0;
        int props = 0;
        int configured = 0;
        for (Path doc : documents()) {
            String text = Files.readString(doc);
            Matcher g = GOAL.matcher(text);
            while (g.find()) {
                goals++;
                if (!GOALS.containsKey(g.group(1))) {
                    wrong.add(doc.getFileName() + ": no goal zanith:" + g.group(1));
                }
            }
            Matcher p = PROPERTY.matcher(text);
            while (p.find()) {
                props++;
                if (!properties.contains(p.group(1))) {
                    wrong.add(doc.getFileName() + ": no parameter reads -D" + p.group(1));
                }
            }
            Matcher block = XML_BLOCK.matcher(text);
            while (block.find()) {
                if (!block.group(1).contains("<artifactId>zanith-maven-plugin</artifactId>")) {
                    continue;
                }
                for (String name : configurationElements(block.group(1))) {
                    configured++;
                    if (!elements.contains(name)) {
                        wrong.add(doc.getFileName() + ": no parameter <" + name + ">");
                    }
                }
            }
        }
        assertThat(goals).as("zanith:<goal> in the docs").isGreaterThan(6);
        assertThat(props).as("-Dzanith.* in the docs").isGreaterThan(10);
        assertThat(configured).as("<configuration> elements in the docs").isGreaterThan(3);
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyParameterOfEveryGoalIsInTheMavenPageWithItsProperty() throws IOException {
        String page = Files.readString(root().resolve("docs/MAVEN.md"));
        List<String> missing = new ArrayList<>();
        GOALS.forEach((goal, parameters) -> parameters.forEach((name, property) -> {
            if (!page.contains("<" + name + ">")) {
                missing.add(goal + ": <" + name + ">");
            }
            if (property != null && !page.contains("-D" + property)) {
                missing.add(goal + ": -D" + property);
            }
        }));
        assertThat(missing).as("parameters docs/MAVEN.md does not name").isEmpty();
    }

    /** The element names directly inside each {@code <configuration>} of an XML example. */
    private static List<String> configurationElements(String xml) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                    ("<example>" + xml.replaceAll("<\\?xml[^>]*\\?>", "") + "</example>").getBytes(StandardCharsets.UTF_8)));
            List<String> names = new ArrayList<>();
            NodeList configurations = doc.getElementsByTagName("configuration");
            for (int i = 0; i < configurations.getLength(); i++) {
                Element configuration = (Element) configurations.item(i);
                Element plugin = (Element) configuration.getParentNode();
                if (plugin.getTagName().equals("execution")) {
                    plugin = (Element) plugin.getParentNode().getParentNode();
                }
                if (text(plugin, "artifactId").equals("zanith-maven-plugin")) {
                    children(configuration).forEach(c -> names.add(c.getTagName()));
                }
            }
            return names;
        } catch (Exception e) {
            throw new AssertionError("an XML example in the docs does not parse: " + e.getMessage() + "\n" + xml, e);
        }
    }

    private static Path root() {
        return Path.of("..").toAbsolutePath().normalize();
    }

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(root().resolve("README.md")));
        try (Stream<Path> files = Files.list(root().resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Element child(Element parent, String name) {
        return children(parent).stream().filter(c -> c.getTagName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("<" + parent.getTagName() + "> has no <" + name + ">"));
    }

    private static String text(Element parent, String name) {
        return children(parent).stream().filter(c -> c.getTagName().equals(name)).findFirst()
                .map(Node::getTextContent).orElse("").trim();
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }
}
