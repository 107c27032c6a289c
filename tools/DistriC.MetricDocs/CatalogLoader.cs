using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace DistriC.MetricDocs;

/// <summary>Loads a built assembly and reads the <c>DistriC.Generated.DistricMetricsCatalog</c> the generator wrote into it.</summary>
public static class CatalogLoader
{
    /// <summary>The metadata name of the generated catalog class.</summary>
    public const string CatalogType = "DistriC.Generated.DistricMetricsCatalog";

    /// <summary>The declared metrics of the assembly at <paramref name="assemblyPath"/>, ordered by name.</summary>
    /// <exception cref="InvalidOperationException">The assembly has no generated catalog (it declares no [Metric] or was built without the generator).</exception>
    public static IReadOnlyList<MetricCatalogEntry> Load(string assemblyPath)
    {
        string path = Path.GetFullPath(assemblyPath);
        string directory = Path.GetDirectoryName(path)!;
        // The assembly's own dependencies sit beside it; DistriC.Runtime resolves to the copy this tool runs with, so the
        // catalog's MetricCatalogEntry is the type this tool knows.
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            File.Exists(Path.Combine(directory, name.Name + ".dll")) ? context.LoadFromAssemblyPath(Path.Combine(directory, name.Name + ".dll")) : null;
        Assembly assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
        Type catalog = assembly.GetType(CatalogType)
            ?? throw new InvalidOperationException($"{path} has no {CatalogType}: it declares no [Metric] class, or was built without the DistriC generator.");
        PropertyInfo metrics = catalog.GetProperty("Metrics", BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{CatalogType} of {path} has no Metrics property.");
        return (IReadOnlyList<MetricCatalogEntry>)metrics.GetValue(null)!;
    }
}
