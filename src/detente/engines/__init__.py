"""Engines that run the map (coding articles) on more than this process: see ``ray_engine``."""
