using System.Buffers;
using System.Text.Json;

namespace DistriC;

/// <summary>Serialises health components with <see cref="Utf8JsonWriter"/>, which escapes quotes, backslashes and control characters.</summary>
internal static class HealthJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = false, SkipValidation = false };

    public static HealthStatus Write(IBufferWriter<byte> output, HealthComponent[] components)
    {
        // Read every state once so the overall status and the listed statuses agree.
        var states = new HealthComponentState[components.Length];
        HealthStatus overall = HealthStatus.Up;
        for (int i = 0; i < components.Length; i++)
        {
            states[i] = components[i].State;
            if (states[i].Status > overall)
            {
                overall = states[i].Status;
            }
        }

        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteString("status"u8, overall.ToWireName());
        json.WriteStartArray("components"u8);
        for (int i = 0; i < components.Length; i++)
        {
            json.WriteStartObject();
            json.WriteString("name"u8, components[i].Name);
            json.WriteString("status"u8, states[i].Status.ToWireName());
            // Messages are free text from the application: never let an unpaired surrogate make the writer throw.
            json.WriteString("message"u8, Utf16.Sanitize(states[i].Message ?? string.Empty));
            json.WriteNumber("last_check_ms"u8, states[i].LastUpdated.ToUnixTimeMilliseconds());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        return overall;
    }
}
