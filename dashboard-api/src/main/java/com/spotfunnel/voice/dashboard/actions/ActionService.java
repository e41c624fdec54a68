package com.spotfunnel.voice.dashboard.actions;

import com.spotfunnel.voice.dashboard.auth.Caller;
import com.spotfunnel.voice.dashboard.calls.CallDetail;
import com.spotfunnel.voice.dashboard.calls.CallService;
import com.spotfunnel.voice.support.problem.InvalidInputException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;

/** Action items (mark, resolve with a note) and the archive: what a tenant's staff write about a call. */
@ApplicationScoped
public class ActionService {

    static final int MAX_NOTE = 2000;

    private final ActionRepository actions;
    private final ArchiveRepository archive;
    private final CallService calls;

    public ActionService(ActionRepository actions, ArchiveRepository archive, CallService calls) {
        this.actions = actions;
        this.archive = archive;
        this.calls = calls;
    }

    public Uni<CallDetail.ActionState> mark(Caller caller, String callId, NoteRequest body) {
        String note = note(body, false);
        return actions.mark(caller.tenantId(), callId, caller.userName(), note)
                .flatMap(outcome -> actionState(caller, callId, outcome));
    }

    public Uni<CallDetail.ActionState> resolve(Caller caller, String callId, NoteRequest body) {
        String note = note(body, true);
        return actions.resolve(caller.tenantId(), callId, caller.userName(), note)
                .flatMap(outcome -> actionState(caller, callId, outcome));
    }

    public Uni<CallDetail.Archive> archive(Caller caller, String callId) {
        return archive.archive(caller.tenantId(), callId, caller.userName()).flatMap(found -> {
            if (!found) {
                throw CallService.notFound();
            }
            return calls.detail(caller.tenantId(), callId).map(CallDetail::archive);
        });
    }

    public Uni<Void> unarchive(Caller caller, String callId) {
        return archive.unarchive(caller.tenantId(), callId).map(found -> {
            if (!found) {
                throw CallService.notFound();
            }
            return null;
        });
    }

    private Uni<CallDetail.ActionState> actionState(Caller caller, String callId, ActionRepository.Outcome outcome) {
        return switch (outcome) {
            case NOT_FOUND -> Uni.createFrom().failure(CallService.notFound());
            case NOT_OPEN ->
                Uni.createFrom().failure(new ClientErrorException("The call has no open action item", 409));
            case DONE -> calls.detail(caller.tenantId(), callId).map(CallDetail::action);
        };
    }

    private static String note(NoteRequest body, boolean required) {
        String note = body == null || body.note() == null ? null : body.note().strip();
        if (note == null || note.isEmpty()) {
            if (required) {
                throw new InvalidInputException("note", "is required");
            }
            return null;
        }
        if (note.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "must be at most " + MAX_NOTE + " characters");
        }
        if (note.indexOf('\0') >= 0) {
            throw new InvalidInputException("note", "must not contain NUL characters");
        }
        return note;
    }
}
