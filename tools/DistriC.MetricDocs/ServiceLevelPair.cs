using System;
using System.Collections.Generic;
using System.Linq;

namespace DistriC.MetricDocs;

/// <summary>A counter and a histogram declared with the same <c>ServiceLevel</c> (checked at build time by DSC212).</summary>
/// <param name="Name">The pair's name, the first part of its recording rules' names.</param>
/// <param name="Requests">The counter of requests; it names the errors.</param>
/// <param name="Latency">The histogram of their latency, with the same labels.</param>
public sealed record ServiceLevelPair(string Name, MetricCatalogEntry Requests, MetricCatalogEntry Latency)
{
    /// <summary>The complete pairs among <paramref name="metrics"/>, ordered by name.</summary>
    public static IReadOnlyList<ServiceLevelPair> Find(IEnumerable<MetricCatalogEntry> metrics) =>
        metrics.Where(m => m.ServiceLevel is not null)
            .GroupBy(m => m.ServiceLevel!, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Counter: g.FirstOrDefault(m => m.Kind == MetricKind.Counter), Histogram: g.FirstOrDefault(m => m.Kind == MetricKind.Histogram)))
            .Where(p => p.Counter is not null && p.Histogram is not null)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new ServiceLevelPair(p.Name, p.Counter!, p.Histogram!))
            .ToList();
}
