using System;
using System.Threading;
using DistriC;

// Publishes a registry with known values as the DistriC meter and says "ready". On "add <n>" (a line on stdin) it waits
// until a consumer has finished two collections, so the consumer's baseline is taken, adds n to the counter and the
// gauge, waits for two more collections, so the change has been read, and says "added". Ends when stdin closes.
var registry = new MetricRegistry();
Counter jobs = registry.CreateCounter("jobs_processed_total", "Jobs processed", new LabelDefinition("queue", "fast", "slow"));
Gauge depth = registry.CreateGauge("queue_depth", "Items waiting");
long collections = 0;
// Read by the publisher at each collection, like every family: the count of collections a consumer has made.
registry.CreateObservableGauge("target_collections", "Collections seen", () => Interlocked.Increment(ref collections));
jobs.Add(40, "fast");
jobs.Add(2, "slow");
depth.Set(12.5);
using var publisher = new MetricMeterPublisher(registry);
Console.WriteLine("ready " + Environment.ProcessId);

while (Console.ReadLine() is { } line)
{
    if (line.StartsWith("add ", StringComparison.Ordinal) && long.TryParse(line.AsSpan(4), out long amount))
    {
        WaitFor(() => Interlocked.Read(ref collections) >= 2);
        long seen = Interlocked.Read(ref collections);
        jobs.Add(amount, "fast");
        depth.Set(depth.Get() + amount);
        WaitFor(() => Interlocked.Read(ref collections) >= seen + 2);
        Console.WriteLine("added");
    }
}

// Polls rather than spins (the test machine's cores are shared); the test bounds the whole run and ends this process.
static void WaitFor(Func<bool> condition)
{
    while (!condition())
    {
        Thread.Sleep(20);
    }
}
