// The flat-index geometry of a labelled metric, computed once for every layer: the runtime lays its
// cells out with these strides, the generator writes them as constants, and the validator compares
// the cardinality with the cap. Row-major: the last label varies fastest (stride 1), and
// stride_d is the product of the allowlist sizes after d.
// Keep this file netstandard2.0-compatible and free of dependencies.
using System.Collections.Generic;

namespace DistriC
{
    internal static class MetricGeometry
    {
        /// <summary>Where <see cref="Cardinality"/> stops counting: one more than the largest index an array can have.</summary>
        public const long Saturated = (long)int.MaxValue + 1;

        /// <summary>
        /// Product of the allowlist sizes (1 when unlabelled), saturating at <see cref="Saturated"/> instead of overflowing.
        /// An empty allowlist counts as 1: it is reported as unbounded (DSC001), not as a metric without series.
        /// </summary>
        public static long Cardinality(IReadOnlyList<int> sizes)
        {
            long product = 1;
            for (int d = 0; d < sizes.Count; d++)
            {
                product = System.Math.Min(product * System.Math.Max(sizes[d], 1), Saturated);
            }

            return product;
        }

        /// <summary>The stride of each label; call only for a cardinality within <see cref="int.MaxValue"/>.</summary>
        public static int[] Strides(IReadOnlyList<int> sizes)
        {
            var strides = new int[sizes.Count];
            int stride = 1;
            for (int d = sizes.Count - 1; d >= 0; d--)
            {
                strides[d] = stride;
                stride *= sizes[d];
            }

            return strides;
        }
    }
}
