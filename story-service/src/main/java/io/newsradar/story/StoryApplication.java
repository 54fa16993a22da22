package io.newsradar.story;

import io.newsradar.story.cli.CommandLine;

/** story-service: groups articles that report the same event into stories. */
public final class StoryApplication {

    private StoryApplication() {
    }

    /** Runs the command line ({@code cluster}). */
    public static void main(String[] args) {
        System.exit(new CommandLine(System.in, System.out, System.err).run(args));
    }
}
