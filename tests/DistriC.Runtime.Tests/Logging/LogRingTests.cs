using System;
using System.Collections.Generic;
using DistriC.Logging;

namespace DistriC.Runtime.Tests.Logging;

public sealed class LogRingTests
{
    [Fact]
    public void Variable_length_records_survive_many_wrap_arounds_in_order()
    {
        var ring = new LogRing(256);
        var random = new Random(3);
        var staging = new byte[256];
        var pending = new Queue<byte[]>();
        int written = 0;
        int read = 0;
        for (int round = 0; round < 5000; round++)
        {
            var record = new byte[random.Next(1, LogRing.MaxPayloadFor(256) + 1)];
            random.NextBytes(record);
            if (ring.TryWrite(record) == DistricStatus.Ok)
            {
                pending.Enqueue(record);
                written++;
            }

            if (random.Next(3) == 0)
            {
                Assert.False(ring.Drain(staging, out int bytes, out int records));
                int offset = 0;
                for (int r = 0; r < records; r++)
                {
                    byte[] expected = pending.Dequeue();
                    Assert.Equal(expected, staging.AsSpan(offset, expected.Length).ToArray());
                    offset += expected.Length;
                    read++;
                }

                Assert.Equal(bytes, offset);
            }
        }

        Assert.True(written > 1000);
        Assert.True(read > 500);
    }

    [Fact]
    public void A_full_ring_refuses_and_accepts_again_after_draining()
    {
        var ring = new LogRing(64);
        var record = new byte[20]; // 8-byte header + 24 bytes = 32 per record
        Assert.Equal(DistricStatus.Ok, ring.TryWrite(record));
        Assert.Equal(DistricStatus.Ok, ring.TryWrite(record));
        Assert.Equal(DistricStatus.BufferOverflow, ring.TryWrite(record));
        Assert.Equal(1.0, (double)ring.UsedBytes / ring.Capacity);

        ring.Drain(new byte[64], out int bytes, out int records);
        Assert.Equal((40, 2), (bytes, records));
        Assert.Equal(DistricStatus.Ok, ring.TryWrite(record));
    }

    [Fact]
    public void A_closed_ring_refuses_writes_but_drains_what_it_holds()
    {
        var ring = new LogRing(64);
        ring.TryWrite(new byte[] { 1, 2, 3 });
        ring.Close();
        Assert.True(ring.IsClosed);
        Assert.Equal(DistricStatus.Shutdown, ring.TryWrite(new byte[] { 4 }));
        var staging = new byte[64];
        ring.Drain(staging, out int bytes, out _);
        Assert.Equal(new byte[] { 1, 2, 3 }, staging.AsSpan(0, bytes).ToArray());
        Assert.False(ring.HasData);
    }
}
