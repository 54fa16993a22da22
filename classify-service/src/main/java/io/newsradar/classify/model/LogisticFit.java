package io.newsradar.classify.model;

import java.util.List;

/**
 * Fits a {@link LogisticModel} by Newton's method (iteratively reweighted least squares) with an L2 penalty on the
 * weights (not the bias). Deterministic: the features are standardised, the examples read in their order, a fixed
 * number of iterations run, and nothing is random, so the same examples give the same weights bit for bit.
 */
public final class LogisticFit {

    /** One labelled example. */
    public record Example(Features features, boolean yes) {
    }

    static final int ITERATIONS = 25;

    private LogisticFit() {
    }

    /**
     * @param lambda the L2 penalty on the standardised weights; larger is smoother
     */
    public static LogisticModel fit(String name, Features.Schema schema, List<Example> examples, double lambda) {
        int d = schema.size();
        int n = examples.size();
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (Example e : examples) {
            for (int j = 0; j < d; j++) {
                mean[j] += e.features().get(j) / Math.max(1, n);
            }
        }
        for (Example e : examples) {
            for (int j = 0; j < d; j++) {
                double c = e.features().get(j) - mean[j];
                sd[j] += c * c / Math.max(1, n);
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j]) < 1e-9 ? 1.0 : Math.sqrt(sd[j]);
        }
        double[][] x = new double[n][d + 1];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            Example e = examples.get(i);
            x[i][0] = 1.0;
            for (int j = 0; j < d; j++) {
                x[i][j + 1] = (e.features().get(j) - mean[j]) / sd[j];
            }
            y[i] = e.yes() ? 1.0 : 0.0;
        }
        double[] beta = new double[d + 1];
        for (int it = 0; it < ITERATIONS; it++) {
            double[] grad = new double[d + 1];
            double[][] hess = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double z = 0;
                for (int j = 0; j <= d; j++) {
                    z += beta[j] * x[i][j];
                }
                double p = LogisticModel.sigmoid(z);
                double w = Math.max(p * (1 - p), 1e-9);
                for (int j = 0; j <= d; j++) {
                    grad[j] += (y[i] - p) * x[i][j];
                    for (int k = 0; k <= d; k++) {
                        hess[j][k] += w * x[i][j] * x[i][k];
                    }
                }
            }
            for (int j = 1; j <= d; j++) {
                grad[j] -= lambda * beta[j];
                hess[j][j] += lambda;
            }
            hess[0][0] += 1e-6;
            double[] step = solve(hess, grad);
            for (int j = 0; j <= d; j++) {
                beta[j] += step[j];
            }
        }
        double bias = beta[0];
        double[] weights = new double[d];
        for (int j = 0; j < d; j++) {
            weights[j] = beta[j + 1] / sd[j];
            bias -= weights[j] * mean[j];
        }
        return new LogisticModel(name, schema, bias, weights);
    }

    /** Solves {@code a·x = b} by Gaussian elimination with partial pivoting (a is symmetric positive definite). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] out = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * out[k];
            }
            out[r] = s / m[r][r];
        }
        return out;
    }
}
