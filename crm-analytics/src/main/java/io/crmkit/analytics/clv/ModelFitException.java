package io.crmkit.analytics.clv;

import io.crmkit.core.error.CrmException;

/**
 * A model could not be fitted: no starting point reached an interior maximum of the likelihood
 * (the optimiser stalled or hit its iteration limit, or the likelihood rises without bound
 * towards the edge of the parameter space, as it does for data with no variation). The message
 * names the model, the number of starts tried and the reason; it holds no customer data.
 *
 * <p>Immutable and thread-safe.
 */
public class ModelFitException extends CrmException {
    private static final long serialVersionUID = 1L;
    private final String model;

    public ModelFitException(String model, String message) {
        super(model + " fit did not converge: " + message);
        this.model = model;
    }

    /** The model's name, for example {@code BG/NBD}. */
    public String model() {
        return model;
    }
}
