using DistriC.Exposition;

namespace DistriC.Metrics;

/// <summary>One registered metric family: its metadata, its pre-encoded text and the code that exposes its samples.</summary>
internal abstract class MetricFamily
{
    protected MetricFamily(MetricLayout layout, string? unit)
    {
        Layout = layout;
        Header = new FamilyHeader(layout.Kind, layout.Name, layout.Help, unit);
    }

    public MetricLayout Layout { get; }

    public string Name => Layout.Name;

    public FamilyHeader Header { get; }

    /// <summary>Writes the family's metadata and samples in <paramref name="format"/>.</summary>
    public void WriteTo(ExpositionWriter writer, ExpositionFormat format)
    {
        writer.WriteRaw(Header.MetadataFor(format));
        WriteSamples(writer, format);
    }

    protected abstract void WriteSamples(ExpositionWriter writer, ExpositionFormat format);
}
