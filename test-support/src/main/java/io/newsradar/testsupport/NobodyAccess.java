package io.newsradar.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether an unprivileged user can reach a path, read from the permission bits as the kernel reads them: every folder
 * on the way must let the user enter, and the path itself must give what is asked. The same check as
 * {@code deploy/local/nobody-can-reach}, for the test's Elasticsearch, which runs as {@code nobody} when the build
 * runs as root. ACLs and security modules are not read.
 */
final class NobodyAccess {

    /** The user and group {@code nobody} on Debian and most Linux distributions. */
    static final int NOBODY = 65534;

    private NobodyAccess() {
    }

    /**
     * What stops {@code uid}/{@code gid} (with no other groups) from using {@code path} with {@code modes} (any of
     * {@code r}, {@code w}, {@code x}), as one line, or empty when nothing does. A symbolic link is checked on the
     * way to it and on the way to what it points at.
     */
    static Optional<String> problem(int uid, int gid, Path path, String modes) {
        Path absolute = path.toAbsolutePath().normalize();
        Optional<String> problem = problemAlong(uid, gid, absolute, modes);
        if (problem.isPresent() || !Files.exists(absolute)) {
            return problem;
        }
        try {
            Path real = absolute.toRealPath();
            return real.equals(absolute) ? Optional.empty() : problemAlong(uid, gid, real, modes);
        } catch (IOException e) {
            return Optional.of("cannot resolve " + absolute + ": " + e.getMessage());
        }
    }

    private static Optional<String> problemAlong(int uid, int gid, Path path, String modes) {
        String who = uid == NOBODY ? "nobody" : "uid " + uid;
        Path folder = path.getRoot();
        for (int i = 0; i < path.getNameCount() - 1; i++) {
            folder = folder.resolve(path.getName(i));
            if (!missing(uid, gid, folder, "x").isEmpty()) {
                return Optional.of(who + " cannot enter " + folder + " (" + describe(folder) + "), on the way to " + path);
            }
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(path + " does not exist");
        }
        List<String> denied = missing(uid, gid, path, modes);
        return denied.isEmpty() ? Optional.empty()
                : Optional.of(who + " cannot " + String.join("/", denied) + " " + path + " (" + describe(path) + ")");
    }

    private static List<String> missing(int uid, int gid, Path path, String modes) {
        int mode = attribute(path, "mode");
        int bits;
        if (attribute(path, "uid") == uid) {
            bits = (mode >> 6) & 7;
        } else if (attribute(path, "gid") == gid) {
            bits = (mode >> 3) & 7;
        } else {
            bits = mode & 7;
        }
        List<String> denied = new ArrayList<>();
        for (char letter : modes.toCharArray()) {
            int bit = switch (letter) {
                case 'r' -> 4;
                case 'w' -> 2;
                case 'x' -> 1;
                default -> throw new IllegalArgumentException("mode letters are r, w and x, not '" + letter + "'");
            };
            if ((bits & bit) == 0) {
                denied.add(switch (letter) {
                    case 'r' -> "read";
                    case 'w' -> "write";
                    default -> Files.isDirectory(path) ? "enter" : "execute";
                });
            }
        }
        return denied;
    }

    private static String describe(Path path) {
        return String.format("mode %o, uid %d, gid %d", attribute(path, "mode") & 07777, attribute(path, "uid"), attribute(path, "gid"));
    }

    private static int attribute(Path path, String name) {
        try {
            return (Integer) Files.getAttribute(path, "unix:" + name);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the " + name + " of " + path, e);
        }
    }
}
