using System;
using System.Text.Json;

namespace DistriC.Runtime.Tests.Health;

public sealed class HealthJsonTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Empty_registry_exports_up_with_no_components()
    {
        Assert.Equal("{\"status\":\"UP\",\"components\":[]}", new HealthRegistry().ExportJson());
    }

    [Fact]
    public void Export_is_byte_exact_for_plain_names()
    {
        var registry = new HealthRegistry(new HealthRegistryOptions { TimeProvider = new ManualTimeProvider(Start) });
        registry.Register("database").Update(HealthStatus.Up, "Connected");
        registry.Register("api").Update(HealthStatus.Degraded, "High load");

        Assert.Equal(
            "{\"status\":\"DEGRADED\",\"components\":[" +
            "{\"name\":\"database\",\"status\":\"UP\",\"message\":\"Connected\",\"last_check_ms\":1704067200000}," +
            "{\"name\":\"api\",\"status\":\"DEGRADED\",\"message\":\"High load\",\"last_check_ms\":1704067200000}]}",
            registry.ExportJson());
    }

    [Theory]
    [InlineData("quote\"name", "message with \"quotes\" and \\backslashes\\")]
    [InlineData("new\nline", "tab\tcr\rnul\0bell\u0007")]
    [InlineData("</script>", "{\"injected\":true}")]
    [InlineData("unicode-żółw-🐢", "emoji 🐢 and \u2028 line separator")]
    public void Hostile_names_and_messages_round_trip_through_a_json_parser(string name, string message)
    {
        var registry = new HealthRegistry();
        registry.Register(name).Update(HealthStatus.Down, message);

        using JsonDocument document = JsonDocument.Parse(registry.ExportJson());
        JsonElement root = document.RootElement;
        Assert.Equal("DOWN", root.GetProperty("status").GetString());
        JsonElement component = Assert.Single(root.GetProperty("components").EnumerateArray());
        Assert.Equal(name, component.GetProperty("name").GetString());
        Assert.Equal(message, component.GetProperty("message").GetString());
        Assert.Equal("DOWN", component.GetProperty("status").GetString());
    }

    [Fact]
    public void Control_characters_are_escaped_never_raw()
    {
        var registry = new HealthRegistry();
        registry.Register("c").Update(HealthStatus.Up, "a\u0001b\nc");
        string json = registry.ExportJson();

        foreach (char c in json)
        {
            Assert.False(char.IsControl(c), $"raw control character U+{(int)c:X4} in {json}");
        }
    }

    [Fact]
    public void Unpaired_surrogate_in_a_message_is_replaced_not_thrown()
    {
        var registry = new HealthRegistry();
        registry.Register("c").Update(HealthStatus.Degraded, "bad \ud800 text");

        using JsonDocument document = JsonDocument.Parse(registry.ExportJson());
        Assert.Equal("bad \uFFFD text", document.RootElement.GetProperty("components")[0].GetProperty("message").GetString());
    }

    [Fact]
    public void Missing_message_is_exported_as_empty_string()
    {
        var registry = new HealthRegistry();
        registry.Register("c");
        using JsonDocument document = JsonDocument.Parse(registry.ExportJson());
        Assert.Equal(string.Empty, document.RootElement.GetProperty("components")[0].GetProperty("message").GetString());
    }
}
