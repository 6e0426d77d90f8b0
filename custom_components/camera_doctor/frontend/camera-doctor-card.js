// camera-doctor-card placeholder
