import '@testing-library/jest-dom'

// Each test starts as a first visit: nothing remembered on the device.
beforeEach(() => {
  localStorage.clear()
})
