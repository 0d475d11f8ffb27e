package nl.leefbaarheid.neighbourhood.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import nl.leefbaarheid.neighbourhood.api.ImportJobView;
import nl.leefbaarheid.neighbourhood.domain.ImportJob;
import nl.leefbaarheid.neighbourhood.importing.SpooledFile;
import nl.leefbaarheid.neighbourhood.service.ImportJobs;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Caller;

/**
 * The answer to a file import: the body is written to a temporary file as it streams in, then imported at once (200 and
 * the import's answer) or, when the caller prefers ({@code Prefer: respond-async}) or the file is large, as a job (202,
 * {@code Location} of the job, the job as it is).
 */
@ApplicationScoped
public class ImportAnswers {

    static final String PREFER = "Prefer";
    static final String PREFER_DESCRIPTION = "respond-async: answer 202 with the import job at once, whatever the size of the file "
            + "(RFC 7240). Without it, a file above 1 MB (neighbourhood.imports.job-above) is a job too; a smaller one is imported "
            + "before the answer.";

    @Inject
    ImportJobs jobs;

    @Inject
    Caller caller;

    Response answer(ImportJob.Kind kind, Integer year, InputStream body, HttpHeaders headers, UriInfo uri) {
        SpooledFile file = SpooledFile.of(body, jobs.folder(), charset(headers.getMediaType()));
        String prefer = headers.getHeaderString(PREFER);
        if (jobs.asJob(prefer, file.size())) {
            ImportJobView job = jobs.submit(kind, year, file, caller.name());
            Response.ResponseBuilder accepted = Response.accepted(job)
                    .location(uri.getBaseUriBuilder().path("/api/v1/imports/{id}").build(job.id()));
            if (ImportJob.respondAsync(prefer)) {
                accepted.header("Preference-Applied", "respond-async");
            }
            return accepted.build();
        }
        return Response.ok(jobs.importNow(kind, year, file)).build();
    }

    private static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("Content-Type", "charset '" + name + "' is not known; send UTF-8");
        }
    }
}
