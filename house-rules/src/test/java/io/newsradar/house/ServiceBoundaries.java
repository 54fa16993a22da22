package io.newsradar.house;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Where one service module reaches into another, read from a checkout's files. Services meet only in Kafka and
 * Elasticsearch: a service module ({@code api-gateway}, and every module named {@code *-service}, today's and those
 * added later) may not declare another as a dependency in its pom, nor name another's packages in its sources (main or
 * test), whether by import or by a fully qualified name.
 */
final class ServiceBoundaries {

    /** The modules that are services. */
    private static final Pattern SERVICE = Pattern.compile("api-gateway|.+-service");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern NAME = Pattern.compile("\\b([a-z]\\w*(?:\\.[a-z]\\w*)+)\\.[A-Za-z_*]");

    private final Path root;
    /** Each service module with the packages its main sources declare. */
    private final Map<String, Set<String>> packages = new TreeMap<>();

    private ServiceBoundaries(Path root) {
        this.root = root;
    }

    /** Every crossing found below {@code root}, one line each: where, and into which service. */
    static List<String> crossings(Path root) {
        ServiceBoundaries boundaries = new ServiceBoundaries(root);
        List<String> services = modules(root).stream().filter(m -> SERVICE.matcher(m).matches()).toList();
        for (String service : services) {
            boundaries.packages.put(service, boundaries.declaredPackages(service));
        }
        List<String> crossings = new ArrayList<>();
        for (String service : services) {
            for (String dependency : dependencies(root.resolve(service).resolve("pom.xml"))) {
                if (!dependency.equals(service) && services.contains(dependency)) {
                    crossings.add(service + "/pom.xml depends on " + dependency);
                }
            }
            crossings.addAll(boundaries.namesOfOthers(service));
        }
        return crossings;
    }

    /** The modules the root pom lists. */
    static List<String> modules(Path root) {
        return texts(parse(root.resolve("pom.xml")).getDocumentElement(), "modules", "module");
    }

    private static List<String> dependencies(Path pom) {
        Element project = parse(pom).getDocumentElement();
        List<String> artifacts = new ArrayList<>();
        for (Element dependencies : all(project, "dependencies")) {
            for (Element dependency : children(dependencies, "dependency")) {
                children(dependency, "artifactId").forEach(a -> artifacts.add(a.getTextContent().strip()));
            }
        }
        return artifacts;
    }

    private Set<String> declaredPackages(String service) {
        Set<String> declared = new TreeSet<>();
        for (Path source : sources(service, "main")) {
            Matcher matcher = PACKAGE.matcher(read(source));
            if (matcher.find()) {
                declared.add(matcher.group(1));
            }
        }
        return declared;
    }

    private List<String> namesOfOthers(String service) {
        List<String> crossings = new ArrayList<>();
        for (String scope : List.of("main", "test")) {
            for (Path source : sources(service, scope)) {
                String[] lines = read(source).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    Matcher name = NAME.matcher(lines[i]);
                    while (name.find()) {
                        String other = owner(name.group(1));
                        if (other != null && !other.equals(service)) {
                            crossings.add(root.relativize(source) + ":" + (i + 1) + " names " + name.group(1) + " of " + other);
                        }
                    }
                }
            }
        }
        return crossings;
    }

    /** The service whose main sources declare this package, or {@code null}. */
    private String owner(String packageName) {
        for (Map.Entry<String, Set<String>> service : packages.entrySet()) {
            if (service.getValue().contains(packageName)) {
                return service.getKey();
            }
        }
        return null;
    }

    private List<Path> sources(String module, String scope) {
        Path dir = root.resolve(module).resolve("src").resolve(scope).resolve("java");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document parse(Path pom) {
        try (InputStream in = Files.newInputStream(pom)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pom, e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(pom + " is not a readable pom: " + e.getMessage(), e);
        }
    }

    /** The project's own {@code <dependencies>} and its profiles', not those managed or a plugin's. */
    private static List<Element> all(Element project, String name) {
        List<Element> found = new ArrayList<>(children(project, name));
        for (Element profiles : children(project, "profiles")) {
            for (Element profile : children(profiles, "profile")) {
                found.addAll(children(profile, name));
            }
        }
        return found;
    }

    private static List<String> texts(Element parent, String list, String item) {
        List<String> texts = new ArrayList<>();
        for (Element element : children(parent, list)) {
            children(element, item).forEach(e -> texts.add(e.getTextContent().strip()));
        }
        return texts;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && nodes.item(i).getNodeName().equals(name)) {
                children.add((Element) nodes.item(i));
            }
        }
        return children;
    }
}
