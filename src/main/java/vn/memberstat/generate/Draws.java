package vn.memberstat.generate;

import java.util.SplittableRandom;

/** Random counts from a seeded source: Poisson and binomial draws, exact for small means, normal beyond. */
final class Draws {
    private static final double EXACT_LIMIT = 30;

    private Draws() {}

    static long poisson(SplittableRandom rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < EXACT_LIMIT) {
            double limit = Math.exp(-mean);
            double product = rng.nextDouble();
            long k = 0;
            while (product > limit) {
                product *= rng.nextDouble();
                k++;
            }
            return k;
        }
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
    }

    static long binomial(SplittableRandom rng, long n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (n < 50) {
            long k = 0;
            for (long i = 0; i < n; i++) {
                if (rng.nextDouble() < p) {
                    k++;
                }
            }
            return k;
        }
        double mean = n * p;
        return Math.min(n, Math.max(0, Math.round(mean + Math.sqrt(mean * (1 - p)) * rng.nextGaussian())));
    }

    static double uniform(SplittableRandom rng, double from, double to) {
        return from + (to - from) * rng.nextDouble();
    }

    /** A 64-bit mix of the parts (SplitMix64 finaliser), for seeding independent streams. */
    static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long part : parts) {
            h ^= part + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2);
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h;
    }
}
