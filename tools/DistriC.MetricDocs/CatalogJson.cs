using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DistriC.MetricDocs;

/// <summary>The catalog as a JSON document: every metric with its kind, unit, labels and values, buckets, series and pair.</summary>
public static class CatalogJson
{
    /// <summary>The JSON text (indented, LF, stable order: metrics by name, labels in declaration order).</summary>
    public static string Write(string service, IReadOnlyList<MetricCatalogEntry> metrics)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("service", service);
            json.WriteNumber("totalSeries", metrics.Sum(m => (long)m.Series));
            json.WriteStartArray("metrics");
            foreach (MetricCatalogEntry metric in metrics)
            {
                WriteMetric(json, metric);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteMetric(Utf8JsonWriter json, MetricCatalogEntry metric)
    {
        json.WriteStartObject();
        json.WriteString("name", metric.Name);
        json.WriteString("kind", MetricQueries.KindName(metric));
        json.WriteString("help", metric.Help);
        if (metric.Unit is null)
        {
            json.WriteNull("unit");
        }
        else
        {
            json.WriteString("unit", metric.Unit);
        }

        json.WriteStartArray("labels");
        for (int i = 0; i < metric.LabelNames.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("name", metric.LabelNames[i]);
            json.WriteStartArray("values");
            foreach (string value in metric.LabelValues[i])
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("buckets");
        foreach (double bound in metric.Buckets)
        {
            json.WriteNumberValue(bound);
        }

        json.WriteEndArray();
        json.WriteNumber("cardinality", metric.Cardinality);
        json.WriteNumber("series", metric.Series);
        json.WriteString("type", metric.TypeName);
        if (metric.ServiceLevel is not null)
        {
            json.WriteStartObject("serviceLevel");
            json.WriteString("name", metric.ServiceLevel);
            if (metric.ErrorLabel is not null)
            {
                json.WriteString("errorLabel", metric.ErrorLabel);
                json.WriteStartArray("errorValues");
                foreach (string value in metric.ErrorValues)
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
