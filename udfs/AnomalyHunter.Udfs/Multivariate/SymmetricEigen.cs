namespace AnomalyHunter.Udfs.Multivariate;

/// <summary>Eigendecomposition of a small symmetric matrix by cyclic Jacobi rotations (deterministic, managed, O(p³) per sweep).</summary>
internal static class SymmetricEigen
{
    private const int MaxSweeps = 100;
    private const double Tolerance = 1e-15;

    /// <summary>Decomposes the symmetric p×p <paramref name="matrix"/> (row-major, overwritten); writes eigenvalues descending and the matching unit eigenvectors as columns of <paramref name="vectors"/> (row-major p×p).</summary>
    /// <remarks>Each eigenvector's largest-magnitude entry is made positive, so the output does not depend on rotation order accidents.</remarks>
    public static void Decompose(Span<double> matrix, int p, Span<double> eigenvalues, Span<double> vectors)
    {
        vectors.Clear();
        for (int i = 0; i < p; i++)
        {
            vectors[(i * p) + i] = 1.0;
        }

        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double off = 0.0;
            double diag = 0.0;
            for (int i = 0; i < p; i++)
            {
                diag += matrix[(i * p) + i] * matrix[(i * p) + i];
                for (int j = i + 1; j < p; j++)
                {
                    off += matrix[(i * p) + j] * matrix[(i * p) + j];
                }
            }

            if (off <= Tolerance * Tolerance * diag || off == 0.0)
            {
                break;
            }

            for (int i = 0; i < p - 1; i++)
            {
                for (int j = i + 1; j < p; j++)
                {
                    Rotate(matrix, vectors, p, i, j);
                }
            }
        }

        for (int i = 0; i < p; i++)
        {
            eigenvalues[i] = matrix[(i * p) + i];
        }

        SortDescending(eigenvalues, vectors, p);
    }

    private static void Rotate(Span<double> a, Span<double> v, int p, int i, int j)
    {
        double aij = a[(i * p) + j];
        if (aij == 0.0)
        {
            return;
        }

        double theta = (a[(j * p) + j] - a[(i * p) + i]) / (2.0 * aij);
        double t = Math.Sign(theta == 0.0 ? 1.0 : theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1.0));
        double c = 1.0 / Math.Sqrt((t * t) + 1.0);
        double s = t * c;
        for (int k = 0; k < p; k++)
        {
            double aki = a[(k * p) + i];
            double akj = a[(k * p) + j];
            a[(k * p) + i] = (c * aki) - (s * akj);
            a[(k * p) + j] = (s * aki) + (c * akj);
        }

        for (int k = 0; k < p; k++)
        {
            double aik = a[(i * p) + k];
            double ajk = a[(j * p) + k];
            a[(i * p) + k] = (c * aik) - (s * ajk);
            a[(j * p) + k] = (s * aik) + (c * ajk);
        }

        // why: the rotation zeroes a_ij in exact arithmetic; setting it keeps round-off from feeding the next sweep.
        a[(i * p) + j] = 0.0;
        a[(j * p) + i] = 0.0;
        for (int k = 0; k < p; k++)
        {
            double vki = v[(k * p) + i];
            double vkj = v[(k * p) + j];
            v[(k * p) + i] = (c * vki) - (s * vkj);
            v[(k * p) + j] = (s * vki) + (c * vkj);
        }
    }

    private static void SortDescending(Span<double> values, Span<double> vectors, int p)
    {
        for (int i = 0; i < p; i++)
        {
            int best = i;
            for (int j = i + 1; j < p; j++)
            {
                best = values[j] > values[best] ? j : best;
            }

            if (best != i)
            {
                (values[i], values[best]) = (values[best], values[i]);
                for (int k = 0; k < p; k++)
                {
                    (vectors[(k * p) + i], vectors[(k * p) + best]) = (vectors[(k * p) + best], vectors[(k * p) + i]);
                }
            }

            int largest = 0;
            for (int k = 1; k < p; k++)
            {
                largest = Math.Abs(vectors[(k * p) + i]) > Math.Abs(vectors[(largest * p) + i]) ? k : largest;
            }

            if (vectors[(largest * p) + i] < 0.0)
            {
                for (int k = 0; k < p; k++)
                {
                    vectors[(k * p) + i] = -vectors[(k * p) + i];
                }
            }
        }
    }
}
