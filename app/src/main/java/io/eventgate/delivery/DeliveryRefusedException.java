package io.eventgate.delivery;

/**
 * The fan-out cannot take events now (the backplane is required and away, or the node is
 * stopping); nothing of the event was delivered.
 */
public class DeliveryRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeliveryRefusedException(String reason) {
        super(reason, null, false, false);
    }
}
