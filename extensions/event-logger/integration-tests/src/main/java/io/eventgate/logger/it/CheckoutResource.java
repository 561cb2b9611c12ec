package io.eventgate.logger.it;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** The way in for the black-box tests: places an order, which logs to both loggers. */
@Path("/orders")
public class CheckoutResource {

    private final Checkout checkout;

    public CheckoutResource(Checkout checkout) {
        this.checkout = checkout;
    }

    @POST
    @Path("/{id}")
    public void place(@PathParam("id") String id, @QueryParam("total") int total) {
        checkout.placeOrder(id, total);
    }
}
