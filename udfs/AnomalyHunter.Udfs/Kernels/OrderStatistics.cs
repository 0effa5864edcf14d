namespace AnomalyHunter.Udfs.Kernels;

/// <summary>Order statistics of a span by selection (expected O(n)), without sorting it.</summary>
internal static class OrderStatistics
{
    /// <summary>
    /// The median of finite <paramref name="values"/> (the mean of the two middle values for an even count), reordering
    /// them; the value equals the median of the sorted span bit for bit. NaN when empty.
    /// </summary>
    public static double Median(Span<double> values)
    {
        int n = values.Length;
        if (n == 0)
        {
            return double.NaN;
        }

        int upper = n / 2;
        if ((n & 1) == 1)
        {
            return Select(values, upper);
        }

        double low = Select(values, upper - 1);

        // why: after selection every item right of the (upper − 1)-th is at least as large, so the next order statistic is their minimum.
        double high = double.PositiveInfinity;
        foreach (double v in values[upper..])
        {
            high = v < high ? v : high;
        }

        return 0.5 * (low + high);
    }

    /// <summary>Reorders <paramref name="values"/> so that index k holds the k-th smallest, smaller-or-equal items before it and larger-or-equal after; returns it.</summary>
    public static double Select(Span<double> values, int k)
    {
        int lo = 0;
        int hi = values.Length - 1;
        while (hi > lo)
        {
            // why: median of three as the pivot keeps sorted and reversed inputs linear.
            int mid = lo + ((hi - lo) >> 1);
            if (values[mid] < values[lo])
            {
                (values[mid], values[lo]) = (values[lo], values[mid]);
            }

            if (values[hi] < values[lo])
            {
                (values[hi], values[lo]) = (values[lo], values[hi]);
            }

            if (values[hi] < values[mid])
            {
                (values[hi], values[mid]) = (values[mid], values[hi]);
            }

            double pivot = values[mid];
            int i = lo;
            int j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (pivot < values[j])
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                break;
            }
        }

        return values[k];
    }
}
