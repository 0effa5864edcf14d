namespace AnomalyHunter.Udfs.Detection;

/// <summary>A sorted multiset of doubles with O(log n) search and O(n) memmove insert/remove, fast for windows up to a few thousand.</summary>
internal sealed class SortedWindow
{
    private readonly double[] _items;

    public SortedWindow(int capacity) => _items = new double[capacity];

    public int Count { get; private set; }

    /// <summary>The items in ascending order.</summary>
    public ReadOnlySpan<double> Items => _items.AsSpan(0, Count);

    public void Insert(double x)
    {
        int at = LowerBound(x);
        Array.Copy(_items, at, _items, at + 1, Count - at);
        _items[at] = x;
        Count++;
    }

    public void Remove(double x)
    {
        int at = LowerBound(x);
        if (at >= Count || _items[at] != x)
        {
            throw new InvalidOperationException("Value to remove is not in the window.");
        }

        Array.Copy(_items, at + 1, _items, at, Count - at - 1);
        Count--;
    }

    /// <summary>
    /// Removes <paramref name="old"/> and inserts <paramref name="x"/>, leaving exactly the items (and bits) of
    /// <c>Remove(old); Insert(x)</c>, but moving only the items between the two positions.
    /// </summary>
    public void Replace(double old, double x)
    {
        int at = LowerBound(old);
        if (at >= Count || _items[at] != old)
        {
            throw new InvalidOperationException("Value to remove is not in the window.");
        }

        if (!(x > old))
        {
            // why: items before `at` are below `old`, so x lands in [0, at]; the items in between move up one.
            int to = LowerBound(x, 0, at);
            Array.Copy(_items, to, _items, to + 1, at - to);
            _items[to] = x;
        }
        else
        {
            // why: x lands after `at`, before the first later item ≥ x; the items in between move down one.
            int end = LowerBound(x, at + 1, Count);
            Array.Copy(_items, at + 1, _items, at, end - at - 1);
            _items[end - 1] = x;
        }
    }

    /// <summary>Median of the window; NaN when empty.</summary>
    public double Median()
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        int mid = Count / 2;
        return (Count & 1) == 1 ? _items[mid] : 0.5 * (_items[mid - 1] + _items[mid]);
    }

    /// <summary>Median of |x − center| over the window, by merging the two sorted halves around the center; NaN when empty.</summary>
    public double MedianAbsoluteDeviation(double center, double[] scratch)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        // why: deviations to the left of the center and to the right are each already sorted; a merge gives them in order.
        int split = LowerBound(center);
        int left = split - 1;
        int right = split;
        int n = 0;
        int needed = (Count / 2) + 1;
        while (n < needed)
        {
            double dl = left >= 0 ? center - _items[left] : double.PositiveInfinity;
            double dr = right < Count ? _items[right] - center : double.PositiveInfinity;
            if (dl <= dr)
            {
                scratch[n++] = dl;
                left--;
            }
            else
            {
                scratch[n++] = dr;
                right++;
            }
        }

        int mid = Count / 2;
        return (Count & 1) == 1 ? scratch[mid] : 0.5 * (scratch[mid - 1] + scratch[mid]);
    }

    /// <summary>Mean of |x − center| over the window; NaN when empty.</summary>
    public double MeanAbsoluteDeviation(double center)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        double sum = 0.0;
        for (int i = 0; i < Count; i++)
        {
            sum += Math.Abs(_items[i] - center);
        }

        return sum / Count;
    }

    private int LowerBound(double x) => LowerBound(x, 0, Count);

    private int LowerBound(double x, int lo, int hi)
    {
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_items[mid] < x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
