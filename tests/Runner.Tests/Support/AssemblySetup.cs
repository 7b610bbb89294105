// One test at a time: a test may change the current directory, which is process-wide, and each
// notebook's kernel process wants the machine's cores to itself to start quickly.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
