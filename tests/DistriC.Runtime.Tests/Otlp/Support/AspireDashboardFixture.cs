using System;
using System.Threading.Tasks;

namespace DistriC.Runtime.Tests.Otlp.Support;

/// <summary>One dashboard shared by the tests of a class (each test uses trace IDs of its own, so they never see each other's data).</summary>
public sealed class AspireDashboardFixture : IAsyncLifetime
{
    private AspireDashboard? _dashboard;

    internal AspireDashboard Dashboard => _dashboard ?? throw new InvalidOperationException("The dashboard did not start.");

    public async Task InitializeAsync()
    {
        if (AspireDashboard.Find() is not null)
        {
            _dashboard = await AspireDashboard.StartAsync();
        }
    }

    public Task DisposeAsync()
    {
        _dashboard?.Dispose();
        return Task.CompletedTask;
    }
}
