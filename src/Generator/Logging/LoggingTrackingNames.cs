namespace DistriC.Generator.Logging
{
    /// <summary>Names of the logging pipeline steps (public so incrementality tests can look them up).</summary>
    public static class LoggingTrackingNames
    {
        /// <summary>One parsed model per <c>[LogEvent]</c> method.</summary>
        public const string Methods = "LogEventMethods";

        /// <summary>Models grouped by containing type, one generated file each.</summary>
        public const string Types = "LogEventTypes";
    }
}
