package dev.openhands.jiradc.jira.boundary;

import dev.openhands.jiradc.jira.control.JiraApi.Comment;
import dev.openhands.jiradc.jira.control.JiraApi.CommentPage;
import dev.openhands.jiradc.jira.control.JiraApi.Issue;
import dev.openhands.jiradc.jira.control.JiraApi.Marker;
import dev.openhands.jiradc.jira.control.JiraApi.MarkerValue;
import dev.openhands.jiradc.jira.control.JiraApi.NewComment;
import dev.openhands.jiradc.jira.control.JiraApi.Reaction;
import dev.openhands.jiradc.jira.control.JiraResponses;
import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jira.entity.JiraIssue;
import dev.openhands.jiradc.jira.entity.JiraIssue.JiraComment;
import dev.openhands.jiradc.jira.entity.Visibility;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Issues and comments, read and written as the service account (its PAT). */
@ApplicationScoped
public class JiraIssues {

    /** The comment property that marks a comment as this service's own. */
    public static final String BOT_PROPERTY = "dev.openhands.jira-dc";

    @Inject
    Jira jira;

    @Inject
    IntegrationSettings settings;

    /** The issue with its latest {@code maxComments} comments, oldest first. */
    public JiraIssue read(String key, int maxComments) {
        Issue issue = JiraResponses.call(jira.base(), "read the issue " + key,
                () -> jira.api().issue(pat(), key, "summary,description,labels,status,project"));
        CommentPage page = JiraResponses.call(jira.base(), "read the comments of " + key,
                () -> jira.api().comments(pat(), key, "-created", maxComments, null));
        List<JiraComment> comments = new ArrayList<>(
                page.comments().stream().filter(Objects::nonNull).map(Comment::comment)
                        .toList());
        Collections.reverse(comments);
        return new JiraIssue(Objects.requireNonNullElse(issue.id(), ""), Objects.requireNonNullElse(issue.key(), key),
                issue.summary(), issue.description(), List.copyOf(comments));
    }

    /**
     * Posts a comment in wiki markup, marked with a property as this service's own, and restricted like the comment it
     * answers: a reply to a comment only a role or group sees is seen by no one else.
     */
    public void comment(String key, String wikiMarkup, Optional<Visibility> visibility) {
        comment(key, wikiMarkup, new MarkerValue(true, null, null), visibility);
    }

    /**
     * Posts a comment about a job, marked with the job's id and what the comment is about ({@code start}, {@code end},
     * ...), so that {@link #hasCommentedOn} can find it again.
     */
    public void comment(String key, String wikiMarkup, String jobId, String about, Optional<Visibility> visibility) {
        comment(key, wikiMarkup, new MarkerValue(true, jobId, about), visibility);
    }

    private void comment(String key, String wikiMarkup, MarkerValue marker, Optional<Visibility> visibility) {
        NewComment comment = new NewComment(wikiMarkup, List.of(new Marker(BOT_PROPERTY, marker)),
                visibility.orElse(null));
        JiraResponses.send(jira.base(), "comment on " + key, () -> jira.api().addComment(pat(), key, comment));
    }

    /**
     * Whether one of the issue's latest comments is this service's comment about the job: asked before saying
     * something again that an instance which died may have said already.
     */
    public boolean hasCommentedOn(String key, String jobId, String about) {
        CommentPage page = JiraResponses.call(jira.base(), "read the comments of " + key,
                () -> jira.api().comments(pat(), key, "-created", 50, "properties"));
        return page.comments().stream().filter(Objects::nonNull)
                .flatMap(comment -> comment.property(BOT_PROPERTY).stream())
                .anyMatch(marker -> jobId.equals(marker.getString("job", ""))
                        && about.equals(marker.getString("about", "")));
    }

    /** Adds a thumbs-up to a comment; best effort: servers without the reactions API are ignored. */
    public void thumbsUp(String commentId) {
        try {
            JiraResponses.send(jira.base(), "react to comment " + commentId,
                    () -> jira.api().addReaction(pat(), new Reaction(commentId, "1f44d")));
        } catch (JiraCallFailed e) {
            if (e.status() != 404 && e.status() != 403 && e.status() != 400) {
                throw e;
            }
        }
    }

    private String pat() {
        return "Bearer " + settings.serviceAccountPat().orElseThrow(() -> new IllegalStateException(
                SettingsKeys.SERVICE_ACCOUNT_PAT + " is not configured")).reveal();
    }
}
