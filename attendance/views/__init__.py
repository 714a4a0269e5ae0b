"""Thin views: they call attendance.services / checkin / sheets and translate errors into responses."""
