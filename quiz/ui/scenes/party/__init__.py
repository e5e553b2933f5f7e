"""The scenes of a party: lobby, shared-screen questions and reveals, devices, podium."""
