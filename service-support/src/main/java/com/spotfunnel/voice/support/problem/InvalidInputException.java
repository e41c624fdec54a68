package com.spotfunnel.voice.support.problem;

import java.util.List;

/** Thrown by resources and services for input they refuse; answered as 400 naming the field(s). */
public class InvalidInputException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidInputException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    public InvalidInputException(List<Problem.FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
