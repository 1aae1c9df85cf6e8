package io.switchboard.flow.model;

/** Where a node sits on the canvas. */
public record Position(double x, double y) {}
