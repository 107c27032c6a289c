namespace DistriC.Metrics.Publishing;

/// <summary>Marks a counter family whose values are not integers (process CPU seconds): published as a counter of doubles.</summary>
internal interface IFloatingPointCounter
{
}
